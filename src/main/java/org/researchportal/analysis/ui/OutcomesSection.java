package org.researchportal.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.analysis.FigureSource;
import org.researchportal.analysis.OutcomeFigure;
import org.researchportal.analysis.OutcomeSummaries;
import org.researchportal.analysis.OutcomeSummary;
import org.researchportal.assessments.OutcomeScore;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.ui.DownloadLink;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.SvgChart;
import org.researchportal.study.StudySummary;
import org.researchportal.study.Timepoint;

/**
 * The outcome summary (order 50): for the score chosen, n, mean, SD and change from baseline by timepoint, pooled
 * before the study's database is locked and by arm after it, with the mean +/- SD and the change over time as charts,
 * and the figures, the charts and the entries behind them to download.
 */
@org.springframework.stereotype.Component
final class OutcomesSection implements StatisticsSection {

    private final OutcomeSummaries summaries;
    private final ClinicalRecordLocks locks;

    OutcomesSection(OutcomeSummaries summaries, ClinicalRecordLocks locks) {
        this.summaries = summaries;
        this.locks = locks;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Component create(StudySummary study) {
        boolean locked = locks.studyLocked(study.id());
        OutcomeSummary summary = locked ? summaries.byArm(study.id()) : summaries.pooled(study.id());
        Locale locale = locale();
        List<Component> content = new ArrayList<>();
        content.add(new Paragraph(t("outcomes.definition")));
        var notice = new Paragraph(t(locked ? "outcomes.by-arm-note" : "outcomes.pooled-until-lock"));
        notice.addClassName("portal-notice");
        content.add(notice);
        if (summary.scores().isEmpty() || summary.sources().isEmpty()) {
            content.add(new Paragraph(t("outcomes.none")));
            return new Section(t("outcomes.title"), content.toArray(Component[]::new));
        }
        var score = new Select<OutcomeScore>();
        score.setLabel(t("outcomes.score"));
        score.setItems(summary.scores());
        score.setItemLabelGenerator(s -> name(s, locale));
        score.addClassName("outcomes-score");
        var body = new Div();
        body.addClassName("outcomes-body");
        score.addValueChangeListener(e -> {
            body.removeAll();
            if (e.getValue() != null) {
                body.add(report(summary, e.getValue(), study, locale));
            }
        });
        // The first score with a value, so the section opens on figures rather than on an empty table.
        score.setValue(summary.scores().stream().filter(s -> summary.figures().stream()
                .anyMatch(f -> f.score().equals(s.key()) && f.n() > 0)).findFirst()
                .orElse(summary.scores().getFirst()));
        content.add(score);
        content.add(body);
        content.add(DownloadLink.csv(t("outcomes.download.figures"), study.acronym() + "-outcomes.csv",
                () -> summary.csv(locale)));
        content.add(DownloadLink.csv(t("outcomes.download.sources"), study.acronym() + "-outcomes-sources.csv",
                () -> FigureSource.csv(summary.sources())));
        return new Section(t("outcomes.title"), content.toArray(Component[]::new));
    }

    /** The table, the two charts and their downloads for one score. */
    private Component[] report(OutcomeSummary summary, OutcomeScore score, StudySummary study, Locale locale) {
        var grid = new Grid<OutcomeFigure>();
        grid.addClassName("outcomes-table");
        grid.setAllRowsVisible(true);
        grid.addColumn(f -> timepointLabel(summary, f.timepoint(), locale)).setHeader(t("outcomes.timepoint"));
        grid.addColumn(f -> groupName(summary, f.arm(), locale)).setHeader(t("outcomes.group"));
        grid.addColumn(OutcomeFigure::n).setHeader(t("outcomes.n"));
        grid.addColumn(f -> OutcomeSummary.number(f.mean())).setHeader(t("outcomes.mean"));
        grid.addColumn(f -> OutcomeSummary.number(f.sd())).setHeader(t("outcomes.sd"));
        grid.addColumn(OutcomeFigure::changeN).setHeader(t("outcomes.change-n"));
        grid.addColumn(f -> OutcomeSummary.number(f.changeMean())).setHeader(t("outcomes.change-mean"));
        grid.addColumn(f -> OutcomeSummary.number(f.changeSd())).setHeader(t("outcomes.change-sd"));
        List<OutcomeFigure> rows = new ArrayList<>();
        for (Timepoint timepoint : summary.timepoints()) {
            for (String arm : summary.groups()) {
                summary.figure(score.key(), timepoint.code(), arm).ifPresent(rows::add);
            }
        }
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        String name = name(score, locale);
        String file = study.acronym() + "-" + score.instrument() + "-" + score.score();
        return new Component[] {grid, chart(summary, score, name, false, locale),
                DownloadLink.svg(t("outcomes.download.chart"), file + "-mean.svg",
                        () -> svg(summary, score, name, false, locale)),
                chart(summary, score, name, true, locale),
                DownloadLink.svg(t("outcomes.download.change-chart"), file + "-change.svg",
                        () -> svg(summary, score, name, true, locale))};
    }

    private Component chart(OutcomeSummary summary, OutcomeScore score, String name, boolean change,
            Locale locale) {
        Chart c = chartOf(summary, score, name, change, locale);
        Component chart = SvgChart.of(c.title(), c.summary(), c.categories(), c.low(), c.high(), c.series(),
                c.reference(), null);
        chart.getElement().getClassList().add(change ? "outcomes-change-chart" : "outcomes-mean-chart");
        return chart;
    }

    private String svg(OutcomeSummary summary, OutcomeScore score, String name, boolean change, Locale locale) {
        Chart c = chartOf(summary, score, name, change, locale);
        return SvgChart.svg(c.title(), c.summary(), c.categories(), c.low(), c.high(), c.series(), c.reference(),
                null);
    }

    private record Chart(String title, String summary, List<String> categories, double low, double high,
            List<SvgChart.Series> series, @Nullable Double reference) {}

    /**
     * The mean +/- SD (or the mean change +/- its SD) over the timepoints, a line per arm (or one pooled), drawn on a
     * scale that holds every whisker and zero.
     */
    private Chart chartOf(OutcomeSummary summary, OutcomeScore score, String name, boolean change,
            Locale locale) {
        List<String> categories = summary.timepoints().stream().map(tp -> OutcomeSummary.label(tp, locale))
                .toList();
        List<SvgChart.Series> series = new ArrayList<>();
        double low = 0;
        double high = 1;
        int colour = 0;
        for (String arm : summary.groups()) {
            List<@Nullable Double> values = new ArrayList<>();
            List<SvgChart.@Nullable Interval> intervals = new ArrayList<>();
            for (Timepoint timepoint : summary.timepoints()) {
                Optional<OutcomeFigure> figure = summary.figure(score.key(), timepoint.code(), arm);
                Double value = figure.map(f -> change ? f.changeMean() : f.mean()).orElse(null);
                Double sd = figure.map(f -> change ? f.changeSd() : f.sd()).orElse(null);
                values.add(value);
                SvgChart.Interval interval = value == null ? null : sd == null
                        ? new SvgChart.Interval(value, value) : new SvgChart.Interval(value - sd, value + sd);
                intervals.add(interval);
                if (interval != null) {
                    low = Math.min(low, interval.low());
                    high = Math.max(high, interval.high());
                }
            }
            series.add(new SvgChart.Series(groupName(summary, arm, locale), SvgChart.Kind.LINE,
                    SvgChart.PALETTE.get(colour++ % SvgChart.PALETTE.size()), values, intervals));
        }
        String title = t(change ? "outcomes.chart.change" : "outcomes.chart.mean", name);
        return new Chart(title, t(change ? "outcomes.chart.change.summary" : "outcomes.chart.mean.summary"),
                categories, Math.floor(low), Math.ceil(high), series, change ? 0.0 : null);
    }

    private static String name(OutcomeScore score, Locale locale) {
        return score.instrumentName().in(locale) + ": " + score.name().in(locale);
    }

    private static String timepointLabel(OutcomeSummary summary, String code, Locale locale) {
        return summary.timepoints().stream().filter(tp -> tp.code().equals(code)).findFirst()
                .map(tp -> OutcomeSummary.label(tp, locale)).orElse(code);
    }

    private String groupName(OutcomeSummary summary, @Nullable String arm, Locale locale) {
        return arm == null ? t("outcomes.pooled") : summary.arms().stream().filter(a -> a.code().equals(arm))
                .findFirst().map(a -> a.name(locale)).orElse(arm);
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    private static String t(String key, Object... arguments) {
        return UI.getCurrent().getTranslation(key, arguments);
    }
}
