package org.researchportal.analysis;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.OutcomeScore;
import org.researchportal.base.Csv;
import org.researchportal.study.Arm;
import org.researchportal.study.Timepoint;

/**
 * The outcome summary of a study: every score its schedule measures at every timepoint, pooled or by arm, with the
 * entries each figure was computed from.
 *
 * @param arms the study's arms in order when the summary is by arm; none when it is pooled
 * @param sources one row per score of each entry used (its participant, arm when by arm, entry and value)
 */
public record OutcomeSummary(List<OutcomeScore> scores, List<Timepoint> timepoints, List<Arm> arms,
        List<OutcomeFigure> figures, List<FigureSource> sources) {

    public OutcomeSummary {
        scores = List.copyOf(scores);
        timepoints = List.copyOf(timepoints);
        arms = List.copyOf(arms);
        figures = List.copyOf(figures);
        sources = List.copyOf(sources);
    }

    public boolean byArm() {
        return !arms.isEmpty();
    }

    /** The figure of a score at a timepoint for an arm (null: pooled). */
    public Optional<OutcomeFigure> figure(String score, String timepoint, @Nullable String arm) {
        return figures.stream().filter(f -> f.score().equals(score) && f.timepoint().equals(timepoint)
                && Objects.equals(f.arm(), arm)).findFirst();
    }

    /** The groups a figure is given for: each arm's code in order, or only null (everyone) when pooled. */
    public List<@Nullable String> groups() {
        List<@Nullable String> groups = new ArrayList<>();
        if (arms.isEmpty()) {
            groups.add(null);
        } else {
            arms.forEach(a -> groups.add(a.code()));
        }
        return groups;
    }

    /** A timepoint's label in the reader's language. */
    public static String label(Timepoint timepoint, Locale locale) {
        return locale.getLanguage().equals("zh") ? timepoint.labelZh() : timepoint.label();
    }

    /** A figure's number as the reports print it: two decimals, or empty where there is none. */
    public static String number(@Nullable Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * The figures as CSV, every score at every timepoint (for each arm when by arm), named in the reader's language,
     * with a header row.
     */
    public String csv(Locale locale) {
        var out = new StringWriter();
        try {
            Csv.line(out, List.of("instrument", "score", "score_name", "timepoint", "timepoint_name", "arm", "n",
                    "mean", "sd", "change_n", "change_mean", "change_sd"));
            for (OutcomeScore score : scores) {
                for (Timepoint timepoint : timepoints) {
                    for (String arm : groups()) {
                        Optional<OutcomeFigure> figure = figure(score.key(), timepoint.code(), arm);
                        if (figure.isEmpty()) {
                            continue;
                        }
                        OutcomeFigure f = figure.get();
                        Csv.line(out, List.of(score.instrument(), score.score(), score.name().in(locale),
                                timepoint.code(), label(timepoint, locale), arm == null ? "" : arm,
                                Integer.toString(f.n()), number(f.mean()), number(f.sd()),
                                Integer.toString(f.changeN()), number(f.changeMean()), number(f.changeSd())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
