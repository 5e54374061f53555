package org.researchportal.participants;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A participant as an unblinded clinician sees them in a list, arm included, and why screening failed if it did. */
public record ParticipantRow(String id, String screeningNumber, @Nullable String studyNumber, String displayName,
        ParticipantStatus status, @Nullable String armName, LocalDate screenedOn, @Nullable LocalDate enrolledOn,
        List<String> failedCriteria) {}
