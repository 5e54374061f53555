package org.researchportal.exercise.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.exercise.MediaLibrary;
import org.researchportal.exercise.ParticipantProgramme;
import org.researchportal.exercise.PictureLibrary;
import org.researchportal.exercise.ProgrammeFigures;
import org.researchportal.exercise.ProgrammeHandouts;
import org.researchportal.exercise.ProgressFigures;
import org.researchportal.exercise.SafetyAdvice;
import org.researchportal.exercise.SessionLogging;
import org.researchportal.exercise.TodayPlan;
import org.researchportal.exercise.VideoWatching;
import org.researchportal.participants.ProgrammeParticipants;

/**
 * The exercise arm's page, made for a phone: today's exercises from the manual, a button to log the session, and the
 * sessions logged so far. A control-arm participant is sent to the standard guidance instead.
 */
@Route("my-exercises")
@RolesAllowed(Roles.PARTICIPANT)
final class MyExercisesView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private final ParticipantProgramme ownProgramme;
    private final SessionLogging sessionLogging;
    private final ProgressFigures progressFigures;
    private final MediaLibrary videos;
    private final PictureLibrary pictures;
    private final VideoWatching watching;
    private final ProgrammeHandouts handouts;
    private final ProgrammeParticipants participants;
    /** The exercise a weekly video link opens the page at, if it came from one. */
    private @Nullable String focus;

    MyExercisesView(ParticipantProgramme ownProgramme, SessionLogging sessionLogging, ProgressFigures progressFigures,
            MediaLibrary videos, PictureLibrary pictures, VideoWatching watching, ProgrammeHandouts handouts,
            ProgrammeParticipants participants) {
        this.ownProgramme = ownProgramme;
        this.sessionLogging = sessionLogging;
        this.progressFigures = progressFigures;
        this.participants = participants;
        this.videos = videos;
        this.pictures = pictures;
        this.watching = watching;
        this.handouts = handouts;
        addClassNames("portal-view", "participant-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        focus = event.getLocation().getQueryParameters().getSingleParameter("exercise").orElse(null);
        show();
    }

    private void show() {
        removeAll();
        add(new ViewToolbar(getTranslation("exercise.my")));
        if (participants.me().isEmpty()) {
            // An account no clinician has linked to a study record yet has no group to speak of.
            notice(getTranslation("participant-home.not-linked"));
            return;
        }
        if (!ownProgramme.followsProgramme()) {
            notice(getTranslation("exercise.no-programme"));
            add(guidanceLink());
            return;
        }
        TodayPlan plan;
        try {
            plan = ownProgramme.myToday();
        } catch (NotFoundException notPrescribed) {
            notice(getTranslation("exercise.not-prescribed"));
            return;
        }
        Optional<SafetyAdvice> advice = sessionLogging.mySafetyAdvice();
        advice.ifPresent(a -> add(new SafetyAdviceCard(a)));
        add(new TodayCard(plan, advice.isPresent(),
                () -> new LogSessionDialog(sessionLogging, plan, this::show).open()));
        if (sessionLogging.myCheckInDue()) {
            add(new CheckInCard(sessionLogging, this::show));
        }
        var media = new ParticipantMedia(videos, pictures, watching);
        plan.exercises().forEach(planned -> {
            var card = new ExerciseCard(planned, media);
            add(card);
            if (card.code().equals(focus)) {
                card.bringForward();
            }
        });
        ProgrammeFigures figures = progressFigures.myFigures();
        var againstPlan = new Paragraph(getTranslation("session.against-plan", figures.sessionDaysLast7(),
                figures.plannedLast7(), figures.sessionDaysLast28(), figures.plannedLast28()));
        againstPlan.addClassName("portal-notice");
        add(againstPlan);
        add(new SessionHistory(getTranslation("session.history"), ownProgramme.myHistory(), plan.exercises().size()));
        var manual = new Anchor("my-manual", getTranslation("manual.open"));
        manual.addClassName("big-link");
        add(manual, HandoutLink.of(getTranslation("handout.mine"), "my-programme.pdf", handouts::myHandout),
                guidanceLink());
    }

    private Anchor guidanceLink() {
        var link = new Anchor("guidance", getTranslation("guidance.open"));
        link.addClassName("big-link");
        return link;
    }

    private void notice(String text) {
        var notice = new Paragraph(text);
        notice.addClassName("portal-notice");
        add(notice);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("exercise.my");
    }
}
