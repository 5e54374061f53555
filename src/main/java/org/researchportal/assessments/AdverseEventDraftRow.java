package org.researchportal.assessments;

import java.time.Instant;
import java.time.LocalDate;

/** An open adverse-event draft as a clinician reviews it: whose, what was heard, when, where from and by whom. */
public record AdverseEventDraftRow(String id, String participantId, String participant, String description,
        LocalDate noticedOn, String source, String raisedBy, Instant raisedAt) {}
