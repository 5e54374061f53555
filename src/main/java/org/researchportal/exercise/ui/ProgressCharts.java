package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ui.SvgChart;
import org.researchportal.exercise.CheckInRecord;
import org.researchportal.exercise.ProgrammeProgress;
import org.researchportal.exercise.WeekFigures;

/** The progress page's charts, one per question a therapist asks, all over the same weeks. */
final class ProgressCharts {

    private static final String PLANNED = "#6b7c8f";
    private static final String DONE = "#1f6f5c";
    private static final String BEFORE = "#2b6cb0";
    private static final String AFTER = "#c05621";
    private static final String STIFFNESS = "#6b46c1";

    private final Component owner;
    private final Locale locale;
    private final ProgrammeProgress progress;
    private final List<String> weekLabels;

    ProgressCharts(Component owner, Locale locale, ProgrammeProgress progress) {
        this.owner = owner;
        this.locale = locale;
        this.progress = progress;
        DateTimeFormatter monday = DateTimeFormatter.ofLocalizedPattern("MMMd").withLocale(locale);
        this.weekLabels = progress.weeks().stream().map(w -> monday.format(w.weekStart())).toList();
    }

    Component adherence() {
        int top = progress.weeks().stream().mapToInt(w -> Math.max(w.planned(), w.sessionDays())).max().orElse(0);
        return SvgChart.of(t("progress.chart.adherence"), t("progress.chart.adherence.summary",
                progress.sessionDays(), progress.planned()),
                weekLabels, Math.max(4, top + top % 2), List.of(
                        series("progress.series.planned", SvgChart.Kind.TARGET_BARS, PLANNED,
                                w -> (double) w.planned()),
                        series("progress.series.session-days", SvgChart.Kind.BARS, DONE,
                                w -> (double) w.sessionDays())), null, null);
    }

    Component pain() {
        Double baseline = progress.painBaseline();
        Double threshold = progress.alertThreshold();
        return SvgChart.of(t("progress.chart.pain"), baseline == null ? t("progress.no-baseline")
                : t("progress.baseline", String.format(locale, "%.1f", baseline)), weekLabels, 10,
                List.of(series("progress.series.pain-before", SvgChart.Kind.LINE, BEFORE, sessions(
                        WeekFigures::painBefore)), series("progress.series.pain-after", SvgChart.Kind.LINE, AFTER,
                                sessions(WeekFigures::painAfter))),
                threshold, threshold == null ? null : t("progress.alert-threshold"));
    }

    Component exertion() {
        return SvgChart.of(t("progress.chart.exertion"), t("progress.chart.exertion.summary"), weekLabels, 10,
                List.of(series("progress.series.exertion", SvgChart.Kind.BARS, DONE, sessions(WeekFigures::exertion))),
                null, null);
    }

    Component checkIns() {
        Map<LocalDate, CheckInRecord> byWeek = new HashMap<>();
        progress.checkIns().forEach(c -> byWeek.put(c.weekStart(), c));
        Function<Function<CheckInRecord, Integer>, List<@Nullable Double>> perWeek = value -> progress.weeks()
                .stream().map(w -> byWeek.containsKey(w.weekStart())
                        ? (Double) (double) value.apply(byWeek.get(w.weekStart())) : null).toList();
        long taking = progress.checkIns().stream().filter(CheckInRecord::takingAromataseInhibitor).count();
        return SvgChart.of(t("progress.chart.check-ins"), t("progress.chart.check-ins.summary", taking,
                progress.checkIns().size()), weekLabels, 10, List.of(
                        new SvgChart.Series(t("check-in.joint-pain.short"), SvgChart.Kind.LINE, AFTER,
                                perWeek.apply(CheckInRecord::jointPain)),
                        new SvgChart.Series(t("check-in.stiffness.short"), SvgChart.Kind.LINE, STIFFNESS,
                                perWeek.apply(CheckInRecord::stiffness))), null, null);
    }

    private List<@Nullable Double> sessions(Function<WeekFigures, Double> value) {
        return progress.weeks().stream().map(w -> w.hasSessions() ? value.apply(w) : null).toList();
    }

    private SvgChart.Series series(String labelKey, SvgChart.Kind kind, String color,
            Function<WeekFigures, @Nullable Double> value) {
        return new SvgChart.Series(t(labelKey), kind, color, progress.weeks().stream().map(value).toList());
    }

    private SvgChart.Series series(String labelKey, SvgChart.Kind kind, String color, List<@Nullable Double> values) {
        return new SvgChart.Series(t(labelKey), kind, color, values);
    }

    private String t(String key, Object... params) {
        return owner.getTranslation(key, params);
    }
}
