package org.researchportal.exercise.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.Roles;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.MissingParameter;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.StatCard;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.exercise.AdherenceFigures;
import org.researchportal.exercise.ExerciseManuals;
import org.researchportal.exercise.ManualExercise;
import org.researchportal.exercise.ParticipantAdherence;
import org.researchportal.exercise.ProgrammeProgress;
import org.researchportal.exercise.ProgressFigures;
import org.researchportal.exercise.VideoEngagement;
import org.researchportal.exercise.VideoWatching;

/**
 * A participant's progress for their therapist: adherence week by week, joint pain around sessions against the
 * alert threshold, exertion, the weekly check-ins and how far they got through the videos.
 */
@Route("progress")
@RolesAllowed({Roles.THERAPIST, Roles.CLINICIAN})
@ShowsArms
final class ProgressView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final ExerciseManuals manuals;
    private final ProgressFigures progressFigures;
    private final VideoWatching videos;
    private final AdherenceFigures adherenceFigures;
    private String title = "";

    ProgressView(ExerciseManuals manuals, ProgressFigures progressFigures, VideoWatching videos,
            AdherenceFigures adherenceFigures) {
        this.adherenceFigures = adherenceFigures;
        this.manuals = manuals;
        this.progressFigures = progressFigures;
        this.videos = videos;
        addClassNames("portal-view", "progress-view");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable String participantId) {
        if (MissingParameter.forwardedHome(event, participantId)) {
            return;
        }
        removeAll();
        ProgrammeProgress progress;
        try {
            progress = progressFigures.progress(participantId);
        } catch (org.researchportal.base.NotFoundException noProgramme) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        var participant = progress.participant();
        title = getTranslation("progress.title", participant.displayName(),
                participant.studyNumber() == null ? "" : participant.studyNumber());
        add(new ViewToolbar(title), new Anchor("programme/" + participantId, getTranslation("progress.programme")));
        List<VideoEngagement> engagement = videos.engagement(participantId);
        int done = progress.sessionDays();
        int planned = progress.planned();
        var stats = new Div(new StatCard(getTranslation("progress.stat.started"), Formats.date(progress.startDate(),
                getLocale())), new StatCard(getTranslation("progress.stat.adherence"), planned == 0
                        ? Formats.text(null) : Math.round(100.0 * done / planned) + "%"),
                new StatCard(getTranslation("progress.stat.minutes"), Integer.toString(progress.minutes())),
                new StatCard(getTranslation("progress.stat.videos"), engagement.stream()
                        .filter(VideoEngagement::completed).count() + " / " + engagement.size()));
        stats.addClassName("stat-row");
        // Her figures by the study's rule, as the statistician's adherence report counts them.
        ParticipantAdherence byRule = adherenceFigures.ofParticipant(participantId);
        var rule = new Paragraph(getTranslation("adherence.progress-line", byRule.sessionsDone(),
                byRule.prescribedDays(), byRule.exercisesDone(), byRule.exercisesPrescribed(),
                getTranslation(byRule.adherent() ? "adherence.yes" : "adherence.no"),
                byRule.rule().adherentPercent()));
        rule.addClassName("adherence-by-rule");
        var charts = new ProgressCharts(this, getLocale(), progress);
        add(stats, rule, new Section(getTranslation("progress.chart.adherence"), charts.adherence()),
                new Section(getTranslation("progress.chart.pain"), charts.pain()),
                new Section(getTranslation("progress.chart.exertion"), charts.exertion()));
        if (!progress.checkIns().isEmpty()) {
            add(new Section(getTranslation("progress.chart.check-ins"), charts.checkIns()));
        }
        add(new CheckInHistory(progress.checkIns()),
                new Section(getTranslation("progress.videos"), engagementGrid(participant.studyId(), engagement)));
    }

    private Grid<VideoEngagement> engagementGrid(String studyId, List<VideoEngagement> engagement) {
        Map<String, ManualExercise> exercises = new HashMap<>();
        manuals.manual(studyId).ifPresent(m -> m.getExercises().forEach(e -> exercises.put(e.code(), e)));
        var grid = new Grid<VideoEngagement>();
        grid.addColumn(v -> exercises.containsKey(v.exerciseCode())
                ? exercises.get(v.exerciseCode()).title().in(getLocale()) : getTranslation("progress.exercise-gone"))
                .setHeader(getTranslation("manual.exercise")).setAutoWidth(true);
        grid.addColumn(VideoEngagement::plays).setHeader(getTranslation("progress.video.plays"));
        grid.addColumn(v -> v.percentSeen() + "%").setHeader(getTranslation("progress.video.seen"));
        grid.addColumn(v -> v.completed() ? Formats.dateTime(v.completedAt(), CurrentUser.require().zone(),
                getLocale()) : getTranslation("progress.video.not-yet")).setHeader(
                        getTranslation("progress.video.completed")).setAutoWidth(true);
        grid.setItems(engagement);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("progress.video.none"));
        return grid;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
