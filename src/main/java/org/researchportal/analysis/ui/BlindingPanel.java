package org.researchportal.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.analysis.BlindingIndex;
import org.researchportal.analysis.BlindingReport;
import org.researchportal.analysis.BlindingReport.ArmBlinding;
import org.researchportal.analysis.BlindingReport.TimepointBlinding;
import org.researchportal.analysis.FigureSource;
import org.researchportal.base.Csv;
import org.researchportal.base.ui.DownloadLink;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.SvgChart;
import org.researchportal.study.Arm;
import org.researchportal.study.StudySummary;

/**
 * Whether blinding held: the guesses per follow-up timepoint and arm (correct, incorrect, don't know) with Bang's
 * index and its reading, James' index for the study, a chart of Bang's index per arm on -1..1 with its interval, and
 * the downloads. Aggregates only: no participant is shown.
 */
final class BlindingPanel extends Composite<Div> {

    /** One row of the table: an arm at a timepoint. */
    record Row(String timepoint, String arm, int n, int correct, int incorrect, int dontKnow, String bang,
            String reading) {}

    private final StudySummary study;
    private final BlindingReport report;
    private final Locale locale;

    BlindingPanel(StudySummary study, BlindingReport report) {
        this.study = study;
        this.report = report;
        this.locale = getLocale();
        Div body = getContent();
        body.addClassName("blinding-report");
        List<Component> content = new ArrayList<>();
        content.add(new Paragraph(getTranslation("blinding.definition")));
        if (report.timepoints().stream().allMatch(t -> t.guesses() == 0)) {
            content.add(new Paragraph(getTranslation("blinding.none")));
        } else {
            var table = new Grid<Row>();
            table.addClassName("blinding-table");
            table.addColumn(Row::timepoint).setHeader(getTranslation("blinding.column.timepoint"));
            table.addColumn(Row::arm).setHeader(getTranslation("blinding.column.arm"));
            table.addColumn(Row::n).setHeader(getTranslation("blinding.column.n"));
            table.addColumn(Row::correct).setHeader(getTranslation("blinding.column.correct"));
            table.addColumn(Row::incorrect).setHeader(getTranslation("blinding.column.incorrect"));
            table.addColumn(Row::dontKnow).setHeader(getTranslation("blinding.column.dont-know"));
            table.addColumn(Row::bang).setHeader(getTranslation("blinding.column.bang"));
            table.addColumn(Row::reading).setHeader(getTranslation("blinding.column.reading")).setFlexGrow(3);
            table.setItems(rows());
            table.setAllRowsVisible(true);
            content.add(table);
            report.timepoints().stream().filter(t -> t.guesses() > 0).forEach(t -> content.add(new Paragraph(
                    james(t))));
            content.add(SvgChart.of(chartTitle(), chartSummary(), categories(), -1, 1, series(), 0.0,
                    getTranslation("blinding.chart.reference")));
            var downloads = new Div(
                    DownloadLink.csv(getTranslation("blinding.download.figures"), study.acronym()
                            + "-blinding.csv", this::figuresCsv),
                    DownloadLink.svg(getTranslation("blinding.download.chart"), study.acronym()
                            + "-blinding.svg", () -> SvgChart.svg(chartTitle(), chartSummary(), categories(), -1, 1,
                                    series(), 0.0, getTranslation("blinding.chart.reference"))),
                    DownloadLink.csv(getTranslation("blinding.download.sources"), study.acronym()
                            + "-blinding-guesses.csv", () -> FigureSource.csv(report.sources())));
            downloads.addClassName("statistics-downloads");
            content.add(downloads);
        }
        body.add(new Section(getTranslation("blinding.title"), content.toArray(Component[]::new)));
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (TimepointBlinding t : report.timepoints()) {
            if (t.guesses() == 0) {
                continue;
            }
            for (ArmBlinding a : t.arms()) {
                rows.add(new Row(t.label(locale), armName(a.armCode()), a.n(), a.correct(), a.incorrect(),
                        a.dontKnow(), estimate(a.bang()), a.reading() == null ? "–"
                                : getTranslation(a.reading().messageKey())));
            }
        }
        return rows;
    }

    private String james(TimepointBlinding t) {
        String reading = getTranslation(t.jamesReading().messageKey());
        return t.james() == null ? getTranslation("blinding.james.none", t.label(locale), reading)
                : getTranslation("blinding.james.value", t.label(locale), estimate(t.james()), reading);
    }

    private String armName(String code) {
        return report.arms().stream().filter(a -> a.code().equals(code)).findFirst().map(a -> a.name(locale))
                .orElse(code);
    }

    static String estimate(BlindingIndex.@Nullable Estimate e) {
        return e == null ? "–" : String.format(Locale.ROOT, "%.3f (%.3f, %.3f)", e.value(), e.low(), e.high());
    }

    private String chartTitle() {
        return getTranslation("blinding.chart.title", study.acronym());
    }

    private String chartSummary() {
        return getTranslation("blinding.chart.summary");
    }

    private List<String> categories() {
        return report.timepoints().stream().map(t -> t.label(locale)).toList();
    }

    private List<SvgChart.Series> series() {
        List<SvgChart.Series> series = new ArrayList<>();
        for (int i = 0; i < report.arms().size(); i++) {
            Arm arm = report.arms().get(i);
            int index = i;
            List<@Nullable Double> values = new ArrayList<>();
            List<SvgChart.@Nullable Interval> intervals = new ArrayList<>();
            for (TimepointBlinding t : report.timepoints()) {
                BlindingIndex.Estimate bang = t.arms().get(index).bang();
                values.add(bang == null ? null : round(bang.value()));
                intervals.add(bang == null ? null : new SvgChart.Interval(Math.max(-1, bang.low()), Math.min(1,
                        bang.high())));
            }
            series.add(new SvgChart.Series(arm.name(locale), SvgChart.Kind.POINTS, SvgChart.PALETTE.get(i
                    % SvgChart.PALETTE.size()), values, intervals));
        }
        return series;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** The figures, one row per timepoint and arm, James' index repeated on each row of its timepoint. */
    private String figuresCsv() {
        var out = new StringWriter();
        try {
            Csv.line(out, List.of("timepoint", "arm", "n", "correct", "incorrect", "dont_know", "bang", "bang_low",
                    "bang_high", "bang_reading", "james", "james_low", "james_high", "james_reading"));
            for (TimepointBlinding t : report.timepoints()) {
                for (ArmBlinding a : t.arms()) {
                    Csv.line(out, List.of(t.timepoint(), a.armCode(), String.valueOf(a.n()), String.valueOf(a
                            .correct()), String.valueOf(a.incorrect()), String.valueOf(a.dontKnow()), number(a
                                    .bang(), 0), number(a.bang(), 1), number(a.bang(), 2), a.reading() == null ? ""
                                            : a.reading().name(), number(t.james(), 0), number(t.james(), 1),
                            number(t.james(), 2), t.jamesReading().name()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String number(BlindingIndex.@Nullable Estimate e, int which) {
        if (e == null) {
            return "";
        }
        double value = which == 0 ? e.value() : which == 1 ? e.low() : e.high();
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
