package org.researchportal.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.analysis.ContaminationMonth;
import org.researchportal.analysis.ContaminationReport;
import org.researchportal.analysis.ContaminationSource;
import org.researchportal.analysis.FigureSource;
import org.researchportal.base.Csv;
import org.researchportal.base.ui.DownloadLink;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.SvgChart;
import org.researchportal.followup.OutsideExerciseKind;
import org.researchportal.study.Arm;
import org.researchportal.study.StudySummary;

/**
 * The contamination report of one study: what it computes, the figures by month and arm (the chart's text
 * alternative), a line of the percentage reporting exercise outside the study per arm, and the downloads.
 */
final class ContaminationPanel extends Composite<Div> {

    private final StudySummary study;
    private final ContaminationReport report;

    ContaminationPanel(StudySummary study, ContaminationReport report) {
        this.study = study;
        this.report = report;
        getContent().addClassName("contamination-report");
        var definition = new Paragraph(getTranslation("contamination.definition"));
        if (report.rows().isEmpty()) {
            getContent().add(new Section(getTranslation("contamination.title"), definition, new Paragraph(
                    getTranslation("contamination.none"))));
            return;
        }
        var downloads = new Div(DownloadLink.csv(getTranslation("contamination.download.figures"), file("figures")
                + ".csv", this::figuresCsv), DownloadLink.svg(getTranslation("contamination.download.chart"), file(
                        "chart") + ".svg", this::chartSvg), DownloadLink.csv(getTranslation(
                                "contamination.download.sources"), file("sources") + ".csv",
                                () -> FigureSource.csv(sources())));
        downloads.addClassName("statistics-downloads");
        getContent().add(new Section(getTranslation("contamination.title"), definition, table(), SvgChart.of(
                chartTitle(), getTranslation("contamination.chart.summary"), categories(), 0, 100, series(), null,
                null), downloads));
    }

    private Grid<ContaminationMonth> table() {
        var grid = new Grid<ContaminationMonth>();
        grid.addClassName("contamination-table");
        grid.addColumn(r -> monthLabel(r.month())).setHeader(getTranslation("contamination.column.month"))
                .setKey("month");
        grid.addColumn(r -> armName(r.armCode())).setHeader(getTranslation("contamination.column.arm"))
                .setKey("arm");
        grid.addColumn(ContaminationMonth::asked).setHeader(getTranslation("contamination.column.asked"))
                .setKey("asked");
        grid.addColumn(r -> String.format(Locale.ROOT, "%d (%.1f%%)", r.reporting(), r.percentReporting()))
                .setHeader(getTranslation("contamination.column.reporting")).setKey("reporting");
        grid.addColumn(r -> meanMedian(r.meanMinutesAll(), r.medianMinutesAll()))
                .setHeader(getTranslation("contamination.column.minutes-all")).setKey("minutesAll");
        grid.addColumn(r -> meanMedian(r.meanMinutesReporting(), r.medianMinutesReporting()))
                .setHeader(getTranslation("contamination.column.minutes-reporting")).setKey("minutesReporting");
        grid.addColumn(this::kinds).setHeader(getTranslation("contamination.column.kinds")).setKey("kinds")
                .setFlexGrow(3);
        grid.setItems(report.rows());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private String kinds(ContaminationMonth row) {
        String named = Arrays.stream(OutsideExerciseKind.values()).filter(k -> row.kinds().getOrDefault(k, 0) > 0)
                .map(k -> getTranslation(k.messageKey()) + " " + row.kinds().get(k))
                .collect(Collectors.joining(", "));
        return named.isEmpty() ? "–" : named;
    }

    private static String meanMedian(@Nullable Double mean, @Nullable Double median) {
        return mean == null || median == null ? "–" : String.format(Locale.ROOT, "%.1f (%.1f)", mean, median);
    }

    private String monthLabel(int month) {
        return getTranslation("contamination.month", month);
    }

    private String armName(String code) {
        return study.arms().stream().filter(a -> a.code().equals(code)).findFirst().map(a -> a.name(getLocale()))
                .orElse(code);
    }

    private String chartTitle() {
        return getTranslation("contamination.chart.title", study.acronym());
    }

    private List<String> categories() {
        return report.months().stream().map(this::monthLabel).toList();
    }

    private List<SvgChart.Series> series() {
        List<SvgChart.Series> series = new ArrayList<>();
        List<Arm> arms = study.arms();
        for (int i = 0; i < arms.size(); i++) {
            Arm arm = arms.get(i);
            List<@Nullable Double> values = new ArrayList<>();
            for (int month : report.months()) {
                values.add(report.row(arm.code(), month).map(ContaminationMonth::percentReporting).orElse(null));
            }
            series.add(new SvgChart.Series(arm.name(getLocale()), SvgChart.Kind.LINE, SvgChart.PALETTE.get(i
                    % SvgChart.PALETTE.size()), values));
        }
        return series;
    }

    String chartSvg() {
        return SvgChart.svg(chartTitle(), getTranslation("contamination.chart.summary"), categories(), 0, 100,
                series(), null, null);
    }

    String figuresCsv() {
        var out = new StringWriter();
        try {
            List<String> header = new ArrayList<>(List.of("month", "arm", "asked", "reporting", "percent_reporting",
                    "mean_minutes_all", "median_minutes_all", "mean_minutes_reporting", "median_minutes_reporting"));
            Arrays.stream(OutsideExerciseKind.values()).map(k -> "kind_" + k.name().toLowerCase(Locale.ROOT))
                    .forEach(header::add);
            Csv.line(out, header);
            for (ContaminationMonth r : report.rows()) {
                List<String> line = new ArrayList<>(List.of(String.valueOf(r.month()), r.armCode(), String.valueOf(r
                        .asked()), String.valueOf(r.reporting()), number(r.percentReporting()), number(r
                                .meanMinutesAll()), number(r.medianMinutesAll()), number(r.meanMinutesReporting()),
                        number(r.medianMinutesReporting())));
                Arrays.stream(OutsideExerciseKind.values()).map(k -> String.valueOf(r.kinds().getOrDefault(k, 0)))
                        .forEach(line::add);
                Csv.line(out, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String number(@Nullable Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** One row per call answer counted, in the reader's language. */
    List<FigureSource> sources() {
        return report.sources().stream().map(s -> new FigureSource(getTranslation("contamination.source.figure",
                monthLabel(s.month()), armName(s.armCode())), s.participant(), s.armCode(), getTranslation(
                        "contamination.source.record", s.callNumber(), s.dueOn().toString()), value(s))).toList();
    }

    private String value(ContaminationSource s) {
        if (!s.outsideExercise()) {
            return getTranslation("call.no");
        }
        return getTranslation("call.yes") + ", " + getTranslation("contamination.minutes-shown", s.minutesPerWeek())
                + (s.kinds().isEmpty() ? "" : ": " + Arrays.stream(OutsideExerciseKind.values())
                        .filter(s.kinds()::contains).map(k -> getTranslation(k.messageKey()))
                        .collect(Collectors.joining(", ")));
    }

    private String file(String what) {
        return study.acronym().replaceAll("[^A-Za-z0-9-]", "_") + "-contamination-" + what;
    }
}
