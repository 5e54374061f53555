package org.researchportal.participants;

import org.jspecify.annotations.Nullable;
import org.researchportal.study.ArmKind;

/** An enrolled participant as the exercise programme needs them: who, which study, which kind of arm, which zone. */
public record ParticipantRef(String id, String studyId, @Nullable String studyNumber, String displayName,
        ParticipantStatus status, @Nullable ArmKind armKind, String timeZone) {
}
