package org.researchportal.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.researchportal.analysis.FigureSource;
import org.researchportal.analysis.SafetyReport;
import org.researchportal.analysis.SafetyReport.ArmExposure;
import org.researchportal.analysis.SafetyReport.Cell;
import org.researchportal.analysis.SafetyReport.CountedEvent;
import org.researchportal.analysis.SafetyReport.Exposure;
import org.researchportal.analysis.SafetyReport.Row;
import org.researchportal.base.Csv;
import org.researchportal.base.ui.DownloadLink;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.SvgChart;
import org.researchportal.study.Arm;
import org.researchportal.study.StudySummary;

/**
 * The safety report of one study as the page shows it: how it is computed, who was exposed in each arm, the events by
 * kind per arm (the chart's text alternative), a bar chart of the events by grade per arm, the serious events one by
 * one, and the downloads (the figures, the chart, the records behind them).
 */
final class SafetyReportView extends Composite<Div> {

    private final SafetyReport report;
    private final Map<String, String> armNames;
    private final Locale locale;

    SafetyReportView(StudySummary study, SafetyReport report) {
        this.report = report;
        this.locale = UI.getCurrent().getLocale();
        this.armNames = study.arms().stream().collect(Collectors.toMap(Arm::code, a -> a.name(locale)));
        String day = report.reportDay().toString();
        var method = new Paragraph(t("safety.method", day));
        method.addClassName("statistics-method");
        getContent().addClassName("safety-report");
        getContent().add(new Section(t("safety.report.title"), method, exposureGrid(), rowsGrid(),
                SvgChart.of(chartTitle(), chartSummary(), gradeLabels(), 0, chartMax(), chartSeries(), null, null),
                new H3(t("safety.serious.title")), seriousGrid(), downloads()));
    }

    private String t(String key, Object... arguments) {
        return getTranslation(key, arguments);
    }

    private String arm(String code) {
        return armNames.getOrDefault(code, code);
    }

    private Grid<ArmExposure> exposureGrid() {
        var grid = new Grid<ArmExposure>();
        grid.addColumn(a -> arm(a.armCode())).setHeader(t("safety.arm")).setAutoWidth(true);
        grid.addColumn(ArmExposure::randomised).setHeader(t("safety.randomised")).setAutoWidth(true);
        grid.addColumn(ArmExposure::participantDays).setHeader(t("safety.participant-days")).setAutoWidth(true);
        grid.setItems(report.arms());
        grid.setAllRowsVisible(true);
        grid.addClassName("safety-exposure");
        return grid;
    }

    private Grid<Row> rowsGrid() {
        var grid = new Grid<Row>();
        grid.addColumn(this::kind).setHeader(t("safety.kind")).setFlexGrow(2);
        for (int i = 0; i < report.arms().size(); i++) {
            int arm = i;
            String name = arm(report.arms().get(i).armCode());
            grid.addColumn(r -> r.cells().get(arm).events()).setHeader(t("safety.column.events", name))
                    .setAutoWidth(true);
            grid.addColumn(r -> participants(r.cells().get(arm), report.arms().get(arm).randomised()))
                    .setHeader(t("safety.column.participants", name)).setAutoWidth(true);
            grid.addColumn(r -> rate(r.cells().get(arm))).setHeader(t("safety.column.rate", name))
                    .setAutoWidth(true);
        }
        grid.setItems(report.rows());
        grid.setAllRowsVisible(true);
        grid.addClassName("safety-figures");
        return grid;
    }

    private Grid<CountedEvent> seriousGrid() {
        var grid = new Grid<CountedEvent>();
        grid.addColumn(CountedEvent::participant).setHeader(t("safety.participant")).setAutoWidth(true);
        grid.addColumn(e -> arm(e.armCode())).setHeader(t("safety.arm")).setAutoWidth(true);
        grid.addColumn(e -> e.onset().toString()).setHeader(t("safety.onset")).setAutoWidth(true);
        grid.addColumn(e -> t("ae.grade." + e.grade())).setHeader(t("ae.grade")).setAutoWidth(true);
        grid.addColumn(e -> t(e.relatedness().messageKey())).setHeader(t("ae.relatedness")).setAutoWidth(true);
        grid.addColumn(e -> t(e.outcome().messageKey())).setHeader(t("ae.outcome")).setAutoWidth(true);
        grid.setItems(report.serious());
        grid.setEmptyStateText(t("safety.serious.none"));
        grid.setAllRowsVisible(true);
        grid.addClassName("safety-serious");
        return grid;
    }

    /** The kind of event a row counts, in the reader's language. */
    private String kind(Row row) {
        String key = row.key();
        if (key.startsWith("grade-")) {
            return t("safety.row.grade", t("ae.grade." + key.substring(6)));
        }
        if (key.startsWith("relatedness-")) {
            return t("safety.row.relatedness", t("ae.relatedness." + key.substring(12).replace('-', '_')));
        }
        return t("safety.row." + key);
    }

    private static String participants(Cell cell, int randomised) {
        return randomised == 0 ? String.valueOf(cell.participants())
                : String.format(Locale.ROOT, "%d (%.1f%%)", cell.participants(), 100.0 * cell.participants()
                        / randomised);
    }

    private static String rate(Cell cell) {
        return Double.isNaN(cell.rate()) ? "–" : String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", cell.rate(),
                cell.interval().low(), cell.interval().high());
    }

    private List<String> gradeLabels() {
        List<String> labels = new ArrayList<>();
        for (int grade = 1; grade <= 5; grade++) {
            labels.add(t("safety.chart.grade", grade));
        }
        return labels;
    }

    private List<SvgChart.Series> chartSeries() {
        List<SvgChart.Series> series = new ArrayList<>();
        for (int i = 0; i < report.arms().size(); i++) {
            List<Double> values = new ArrayList<>();
            for (int grade = 1; grade <= 5; grade++) {
                values.add((double) report.row("grade-" + grade).cells().get(i).events());
            }
            series.add(new SvgChart.Series(arm(report.arms().get(i).armCode()), SvgChart.Kind.BARS,
                    SvgChart.PALETTE.get(i % SvgChart.PALETTE.size()), List.copyOf(values)));
        }
        return series;
    }

    private double chartMax() {
        int most = 0;
        for (int grade = 1; grade <= 5; grade++) {
            for (Cell cell : report.row("grade-" + grade).cells()) {
                most = Math.max(most, cell.events());
            }
        }
        return Math.max(1, most);
    }

    private String chartTitle() {
        return t("safety.chart.title");
    }

    private String chartSummary() {
        return t("safety.chart.summary", report.reportDay().toString());
    }

    private Div downloads() {
        var links = new Div(DownloadLink.csv(t("safety.download.figures"), "safety-by-arm.csv", this::figuresCsv),
                DownloadLink.svg(t("safety.download.chart"), "safety-by-grade.svg", () -> SvgChart.svg(chartTitle(),
                        chartSummary(), gradeLabels(), 0, chartMax(), chartSeries(), null, null)),
                DownloadLink.csv(t("safety.download.sources"), "safety-sources.csv", () -> FigureSource.csv(
                        sources())));
        links.addClassName("statistics-downloads");
        return links;
    }

    /** The figures as CSV: a line per kind of event and arm, with the arm's exposure. */
    String figuresCsv() {
        var out = new StringWriter();
        try {
            Csv.line(out, List.of("report_day", "kind", "arm", "randomised", "participant_days", "events",
                    "participants", "rate_per_1000_participant_days", "ci95_low", "ci95_high"));
            for (Row row : report.rows()) {
                for (int i = 0; i < report.arms().size(); i++) {
                    ArmExposure arm = report.arms().get(i);
                    Cell cell = row.cells().get(i);
                    Csv.line(out, List.of(report.reportDay().toString(), kind(row), arm(arm.armCode()),
                            String.valueOf(arm.randomised()), String.valueOf(arm.participantDays()),
                            String.valueOf(cell.events()), String.valueOf(cell.participants()), number(cell.rate()),
                            number(cell.interval().low()), number(cell.interval().high())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** The records behind the figures: each participant's exposure counted, and each event counted. */
    List<FigureSource> sources() {
        List<FigureSource> sources = new ArrayList<>();
        for (Exposure x : report.exposures()) {
            sources.add(new FigureSource(t("safety.participant-days"), x.participant(), x.armCode(),
                    t(x.left() ? "safety.source.exposure-left" : "safety.source.exposure", x.from().toString(),
                            x.to().toString()), String.valueOf(x.days())));
        }
        for (CountedEvent e : report.events()) {
            sources.add(new FigureSource(t("safety.source.event-figure"), e.participant(), e.armCode(),
                    t("safety.source.event", e.onset().toString()), t("safety.source.event-value", e.grade(),
                            t(e.serious() ? "safety.row.serious" : "safety.row.not-serious"),
                            t(e.relatedness().messageKey()), t(e.outcome().messageKey()))));
        }
        return sources;
    }
}
