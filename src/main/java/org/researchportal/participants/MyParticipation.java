package org.researchportal.participants;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.researchportal.study.ArmKind;

/** What a participant sees of their own participation. */
public record MyParticipation(String displayName, @Nullable String studyNumber, String studyAcronym,
        String studyTitle, ParticipantStatus status, @Nullable String armName, @Nullable ArmKind armKind,
        @Nullable LocalDate enrolledOn, @Nullable String teamPhone, @Nullable String teamEmail) {}
