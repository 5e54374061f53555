package org.researchportal.participants;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.researchportal.study.ArmKind;

/**
 * An allocated participant as the follow-up calls need them: who, which study and arm (coordinators run each arm's
 * own script; they are not blinded), when enrolled, in which zone and language, how and when to call, and who calls.
 */
public record CallParticipant(String id, String studyId, String studyAcronym, @Nullable String studyNumber,
        String displayName, ParticipantStatus status, String armCode, String armName, @Nullable ArmKind armKind,
        LocalDate enrolledOn, String timeZone, String language, @Nullable String phone,
        @Nullable String preferredCallTime, @Nullable String coordinatorId) {}
