package org.researchportal.analysis.ui;

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
import org.researchportal.analysis.AdherenceStatistics;
import org.researchportal.analysis.AdherenceSummary;
import org.researchportal.analysis.ArmAdherence;
import org.researchportal.analysis.FigureSource;
import org.researchportal.base.Csv;
import org.researchportal.base.ui.DownloadLink;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.SvgChart;
import org.researchportal.exercise.ParticipantAdherence;
import org.researchportal.study.StudySummary;

/**
 * The adherence report of one study: what it computes, the figures by arm and per participant (the chart's text
 * alternative), the chart of compliance and adherence per participant against the rule's threshold, and downloads.
 */
final class AdherencePanel extends Div {

    private final StudySummary study;
    private final AdherenceSummary summary;
    private final Locale locale;

    AdherencePanel(StudySummary study, AdherenceSummary summary) {
        this.study = study;
        this.summary = summary;
        this.locale = getLocale();
        var definition = new Paragraph(getTranslation("adherence.definition", summary.rule().sessionPercent(),
                summary.rule().adherentPercent()));
        definition.addClassName("statistics-definition");
        var downloads = new Div(DownloadLink.csv(getTranslation("adherence.download.figures"),
                study.acronym() + "-adherence.csv", this::figuresCsv),
                DownloadLink.svg(getTranslation("adherence.download.chart"), study.acronym() + "-adherence.svg",
                        this::chartSvg),
                DownloadLink.csv(getTranslation("adherence.download.sources"),
                        study.acronym() + "-adherence-sources.csv", () -> FigureSource.csv(sources())));
        downloads.addClassName("statistics-downloads");
        var section = new Section(getTranslation("adherence.title"), definition, armGrid(), participantGrid(),
                chartTitle().isEmpty() ? new Div() : chart(), downloads);
        add(section);
    }

    private Grid<ArmAdherence> armGrid() {
        var grid = new Grid<ArmAdherence>();
        grid.addClassName("adherence-arms");
        grid.addColumn(a -> armName(a.armCode())).setHeader(getTranslation("adherence.column.arm"));
        grid.addColumn(a -> a.withProgramme() + " / " + a.randomised())
                .setHeader(getTranslation("adherence.column.with-programme"));
        grid.addColumn(a -> a.programmePrescribed() ? meanSd(a.compliance()) : getTranslation(
                "adherence.no-programme")).setHeader(getTranslation("adherence.column.compliance-mean"));
        grid.addColumn(a -> a.programmePrescribed() ? percent(a.compliance().median()) : "")
                .setHeader(getTranslation("adherence.column.compliance-median"));
        grid.addColumn(a -> a.programmePrescribed() ? meanSd(a.adherence()) : "")
                .setHeader(getTranslation("adherence.column.adherence-mean"));
        grid.addColumn(a -> a.programmePrescribed() ? percent(a.adherence().median()) : "")
                .setHeader(getTranslation("adherence.column.adherence-median"));
        grid.addColumn(a -> a.programmePrescribed() ? count(a.adherent(), a.withProgramme()) : "")
                .setHeader(getTranslation("adherence.column.adherent-n"));
        grid.addColumn(a -> a.programmePrescribed() ? count(a.manualOpened(), a.withProgramme()) : "")
                .setHeader(getTranslation("adherence.column.manual"));
        grid.addColumn(a -> a.programmePrescribed() ? a.videosSeen() + " / " + a.videosPrescribed() : "")
                .setHeader(getTranslation("adherence.column.videos"));
        grid.addColumn(a -> a.programmePrescribed() ? a.checkInsAnswered() + " / " + a.checkInsExpected() : "")
                .setHeader(getTranslation("adherence.column.check-ins"));
        grid.setItems(summary.arms());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<AdherenceSummary.Row> participantGrid() {
        var grid = new Grid<AdherenceSummary.Row>();
        grid.addClassName("adherence-participants");
        grid.addColumn(r -> r.figures().label()).setHeader(getTranslation("adherence.column.participant"));
        grid.addColumn(r -> armName(r.armCode())).setHeader(getTranslation("adherence.column.arm"));
        grid.addColumn(r -> r.figures().sessionsDone() + " / " + r.figures().prescribedDays() + " ("
                + percent(r.figures().compliance()) + ")").setHeader(getTranslation("adherence.column.compliance"));
        grid.addColumn(r -> r.figures().exercisesDone() + " / " + r.figures().exercisesPrescribed() + " ("
                + percent(r.figures().adherence()) + ")").setHeader(getTranslation("adherence.column.adherence"));
        grid.addColumn(r -> getTranslation(r.figures().adherent() ? "adherence.yes" : "adherence.no"))
                .setHeader(getTranslation("adherence.column.adherent"));
        grid.addColumn(r -> r.figures().manualFirstOpened() == null ? getTranslation("adherence.no")
                : Formats.date(r.figures().manualFirstOpened(), locale))
                .setHeader(getTranslation("adherence.column.manual"));
        grid.addColumn(r -> r.figures().videosSeen().size() + " / " + r.figures().videosPrescribed().size())
                .setHeader(getTranslation("adherence.column.videos"));
        grid.addColumn(r -> r.figures().checkInsAnswered().size() + " / " + r.figures().checkInWeeks().size())
                .setHeader(getTranslation("adherence.column.check-ins"));
        grid.setItems(summary.participants());
        grid.setAllRowsVisible(true);
        if (summary.participants().isEmpty()) {
            grid.setVisible(false);
        }
        return grid;
    }

    private String chartTitle() {
        return summary.participants().isEmpty() ? "" : getTranslation("adherence.chart.title");
    }

    private com.vaadin.flow.component.Component chart() {
        return SvgChart.of(chartTitle(), chartSummary(), categories(), 0, 100, series(),
                (double) summary.rule().adherentPercent(), referenceLabel());
    }

    private String chartSvg() {
        return SvgChart.svg(getTranslation("adherence.chart.title"), chartSummary(), categories(), 0, 100, series(),
                (double) summary.rule().adherentPercent(), referenceLabel());
    }

    private String chartSummary() {
        return getTranslation("adherence.chart.summary", summary.rule().adherentPercent());
    }

    private String referenceLabel() {
        return getTranslation("adherence.chart.reference", summary.rule().adherentPercent());
    }

    private List<String> categories() {
        return summary.participants().stream().map(r -> r.figures().label()).toList();
    }

    private List<SvgChart.Series> series() {
        List<@Nullable Double> compliance = new ArrayList<>();
        List<@Nullable Double> adherence = new ArrayList<>();
        for (AdherenceSummary.Row row : summary.participants()) {
            compliance.add(hundred(row.figures().compliance()));
            adherence.add(hundred(row.figures().adherence()));
        }
        return List.of(new SvgChart.Series(getTranslation("adherence.column.compliance"), SvgChart.Kind.BARS,
                SvgChart.PALETTE.get(0), compliance), new SvgChart.Series(getTranslation(
                        "adherence.column.adherence"), SvgChart.Kind.BARS, SvgChart.PALETTE.get(1), adherence));
    }

    private String figuresCsv() {
        var out = new StringWriter();
        try {
            Csv.line(out, List.of("row", "arm", "participant", "n_randomised", "n_with_programme", "sessions_done",
                    "sessions_prescribed", "compliance_mean", "compliance_sd", "compliance_median",
                    "exercises_done", "exercises_prescribed", "adherence_mean", "adherence_sd", "adherence_median",
                    "adherent", "manual_opened", "videos_seen", "videos_prescribed", "check_ins_answered",
                    "check_ins_expected"));
            for (ArmAdherence a : summary.arms()) {
                Csv.line(out, List.of("arm", a.armCode(), "", String.valueOf(a.randomised()),
                        String.valueOf(a.withProgramme()), "", "", fixed(a.compliance().mean()),
                        fixed(a.compliance().sd()), fixed(a.compliance().median()), "", "",
                        fixed(a.adherence().mean()), fixed(a.adherence().sd()), fixed(a.adherence().median()),
                        a.programmePrescribed() ? String.valueOf(a.adherent()) : "",
                        a.programmePrescribed() ? String.valueOf(a.manualOpened()) : "",
                        String.valueOf(a.videosSeen()), String.valueOf(a.videosPrescribed()),
                        String.valueOf(a.checkInsAnswered()), String.valueOf(a.checkInsExpected())));
            }
            for (AdherenceSummary.Row r : summary.participants()) {
                ParticipantAdherence p = r.figures();
                Csv.line(out, List.of("participant", r.armCode(), p.label(), "", "",
                        String.valueOf(p.sessionsDone()), String.valueOf(p.prescribedDays()), fixed(p.compliance()),
                        "", "", String.valueOf(p.exercisesDone()), String.valueOf(p.exercisesPrescribed()),
                        fixed(p.adherence()), "", "", p.adherent() ? "1" : "0", p.manualOpened() ? "1" : "0",
                        String.valueOf(p.videosSeen().size()), String.valueOf(p.videosPrescribed().size()),
                        String.valueOf(p.checkInsAnswered().size()), String.valueOf(p.checkInWeeks().size())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private List<FigureSource> sources() {
        return summary.sources(this::getTranslation);
    }

    private String armName(String code) {
        return study.arms().stream().filter(a -> a.code().equals(code)).findFirst().map(a -> a.name(locale))
                .orElse(code);
    }

    private String meanSd(AdherenceStatistics s) {
        if (s.mean() == null) {
            return "";
        }
        return percent(s.mean()) + (s.sd() == null ? "" : " (" + percent(s.sd()) + ")");
    }

    private String count(int count, int of) {
        return of == 0 ? "" : String.format(Locale.ROOT, "%d (%.1f%%)", count, 100.0 * count / of);
    }

    static String percent(@Nullable Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String fixed(@Nullable Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.4f", share);
    }

    private static @Nullable Double hundred(@Nullable Double share) {
        return share == null ? null : share * 100;
    }
}
