package org.researchportal.analysis;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.followup.OutsideExerciseKind;

/**
 * One arm in one month since randomisation: the completed calls that asked about exercise outside the study, how many
 * reported some (and that as a percentage of those asked), the minutes a week among all asked (0 for no) and among
 * those who said yes (none when nobody did), and how many named each kind.
 */
public record ContaminationMonth(String armCode, int month, int asked, int reporting, double percentReporting,
        double meanMinutesAll, double medianMinutesAll, @Nullable Double meanMinutesReporting,
        @Nullable Double medianMinutesReporting, Map<OutsideExerciseKind, Integer> kinds) {

    public ContaminationMonth {
        kinds = Map.copyOf(kinds);
    }
}
