package org.researchportal.analysis;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.followup.OutsideExerciseKind;

/** One call answer the contamination report counted: whose (study number, arm), which month and call, what she said. */
public record ContaminationSource(String participant, String armCode, int month, int callNumber, LocalDate dueOn,
        boolean outsideExercise, Set<OutsideExerciseKind> kinds, @Nullable Integer minutesPerWeek) {

    public ContaminationSource {
        kinds = Set.copyOf(kinds);
    }
}
