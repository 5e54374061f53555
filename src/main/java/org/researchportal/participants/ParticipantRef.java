package org.researchportal.participants;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.researchportal.study.ArmKind;

/**
 * An enrolled participant as the exercise programme needs them: who, which study, which kind of arm, which zone, and
 * the day they left the trial (withdrawn or lost to follow-up), after which no programme day counts as missed.
 */
public record ParticipantRef(String id, String studyId, @Nullable String studyNumber, String displayName,
        ParticipantStatus status, @Nullable ArmKind armKind, String timeZone, @Nullable LocalDate leftOn) {}
