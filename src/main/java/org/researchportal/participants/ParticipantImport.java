package org.researchportal.participants;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A participant record brought in from an earlier system (and the demo data), in whatever state it had reached there,
 * including an allocation made there. New participants are screened, consented and randomised in the portal instead.
 */
public record ParticipantImport(String studyId, String screeningNumber, @Nullable String studyNumber,
        String displayName, ParticipantStatus status, @Nullable String armCode, LocalDate screenedOn,
        @Nullable LocalDate enrolledOn, @Nullable LocalDate withdrawnOn, @Nullable String phone,
        @Nullable String email, String language, String timeZone, @Nullable String preferredCallTime,
        @Nullable String therapistId, @Nullable String coordinatorId, @Nullable String accountId) {}
