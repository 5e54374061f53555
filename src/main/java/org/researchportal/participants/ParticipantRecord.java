package org.researchportal.participants;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One participant's whole record as an unblinded clinician works on it. */
public record ParticipantRecord(String id, String studyId, String screeningNumber, @Nullable String studyNumber,
        String displayName, ParticipantStatus status, LocalDate screenedOn, @Nullable String screenedBy,
        @Nullable String phone, @Nullable String email, String language, @Nullable String preferredCallTime,
        @Nullable EligibilityAssessment eligibility, @Nullable Consent consent, List<Consent> earlierConsents,
        @Nullable String armName,
        @Nullable LocalDate enrolledOn, @Nullable Randomisation randomisation, List<Unblinding> unblindings,
        List<StatusChange> statusChanges, List<ProtocolDeviation> deviations, @Nullable Integer birthYear) {}
