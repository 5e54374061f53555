package org.researchportal.participants;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A participant in a therapist's caseload, with what their work needs: how to reach them, in which language. */
public record CaseloadRow(String id, @Nullable String studyNumber, String displayName, String studyAcronym,
        String armName, @Nullable LocalDate enrolledOn, @Nullable String phone, @Nullable String email,
        String language) {}
