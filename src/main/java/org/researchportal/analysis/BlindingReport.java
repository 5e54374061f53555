package org.researchportal.analysis;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.study.Arm;

/**
 * Whether blinding held, per follow-up timepoint: each arm's guesses (correct, incorrect, don't know) with Bang's
 * index, and James' index for the study; in aggregate only, with the guesses behind them as {@link FigureSource}s.
 */
public record BlindingReport(String studyId, List<Arm> arms, List<TimepointBlinding> timepoints,
        List<FigureSource> sources) {

    /** Bang's reading of an arm's index, by whether its 95% interval covers 0. */
    public enum BangReading {
        /** The interval covers 0: no better than chance, or "don't know". */
        RANDOM,
        /** Above 0: more right than chance allows. */
        UNBLINDING,
        /** Below 0: more wrong than chance allows. */
        OPPOSITE;

        public String messageKey() {
            return "blinding.bang." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** James' reading for the study. */
    public enum JamesReading {
        /** The interval's upper bound is below 0.5. */
        LACK_OF_BLINDING,
        /** Not shown to lack blinding. */
        NOT_SHOWN_UNBLINDED,
        /** James' index is defined for two arms. */
        NOT_TWO_ARMS,
        /** No guesses, or an arm without named guesses: kappa is undefined. */
        NOT_COMPUTABLE;

        public String messageKey() {
            return "blinding.james." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One arm's guesses at one timepoint. {@code bang} is null when none was made about its participants. */
    public record ArmBlinding(String armCode, int correct, int incorrect, int dontKnow,
            BlindingIndex.@Nullable Estimate bang, @Nullable BangReading reading) {

        public int n() {
            return correct + incorrect + dontKnow;
        }
    }

    /** One follow-up timepoint: the arms in the study's order, and James' index where it is defined. */
    public record TimepointBlinding(String timepoint, String label, String labelZh, List<ArmBlinding> arms,
            BlindingIndex.@Nullable Estimate james, JamesReading jamesReading) {

        public String label(Locale locale) {
            return locale.getLanguage().equals("zh") && !labelZh.isBlank() ? labelZh : label;
        }

        public int guesses() {
            return arms.stream().mapToInt(ArmBlinding::n).sum();
        }
    }
}
