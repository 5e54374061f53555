package org.researchportal.quality;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.clinical.ClinicalForm;

/**
 * Data of one participant that needs the investigator's signature and has no valid one: a timepoint with recorded
 * instruments, or the participant's adverse events.
 *
 * @param studyNumber the participant's study number (or screening number), as monitors name participants
 * @param voided whether a signature was there and a later change voided it
 */
public record AwaitingSignature(String participantId, @Nullable String studyNumber, SignatureScope scope,
        @Nullable String timepoint, List<ClinicalForm> forms, boolean voided) {}
