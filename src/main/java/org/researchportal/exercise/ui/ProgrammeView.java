package org.researchportal.exercise.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.MissingParameter;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.exercise.AlertRecord;
import org.researchportal.exercise.Prescriptions;
import org.researchportal.exercise.ProgrammeAlerts;
import org.researchportal.exercise.ProgrammeChange;
import org.researchportal.exercise.ProgrammeHandouts;
import org.researchportal.exercise.ProgrammeOverview;
import org.researchportal.exercise.ProgressFigures;
import org.researchportal.identity.AccountService;

/**
 * One participant's exercise programme for their therapist: prescribe it from a template of the manual, or see it
 * with its adjustments and the sessions logged. Only the exercise arm has one; anyone else is not found.
 */
@Route("programme")
@RolesAllowed({Roles.THERAPIST, Roles.CLINICIAN})
final class ProgrammeView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final ProgressFigures progressFigures;
    private final ProgrammeAlerts programmeAlerts;
    private final Prescriptions prescriptions;
    private final ProgrammeHandouts handouts;
    private final AccountService accounts;
    private String title = "";

    ProgrammeView(ProgressFigures progressFigures, ProgrammeAlerts programmeAlerts, Prescriptions prescriptions,
            ProgrammeHandouts handouts, AccountService accounts) {
        this.progressFigures = progressFigures;
        this.programmeAlerts = programmeAlerts;
        this.prescriptions = prescriptions;
        this.handouts = handouts;
        this.accounts = accounts;
        addClassNames("portal-view", "programme-view");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable String participantId) {
        if (MissingParameter.forwardedHome(event, participantId)) {
            return;
        }
        try {
            show(participantId);
        } catch (org.researchportal.base.NotFoundException notInTheExerciseArm) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(String participantId) {
        removeAll();
        ProgrammeOverview overview = progressFigures.overview(participantId);
        var participant = overview.participant();
        title = getTranslation("programme.title", participant.displayName(),
                participant.studyNumber() == null ? "" : participant.studyNumber());
        add(new ViewToolbar(title));
        Runnable reload = () -> show(participantId);
        if (overview.programme() == null || overview.manual() == null) {
            add(new PrescribeForm(prescriptions, participantId, overview.manual(), reload));
            return;
        }
        var progress = new Anchor("progress/" + participantId, getTranslation("programme.progress"));
        progress.addClassName("big-link");
        String file = "programme-" + (participant.studyNumber() == null ? "participant" : participant.studyNumber());
        var links = new Div(progress, HandoutLink.of(getTranslation("handout.print"), file + "-en.pdf",
                () -> handouts.handout(participantId, PortalLocales.ENGLISH)),
                HandoutLink.of(getTranslation("handout.print-zh"), file + "-zh.pdf",
                        () -> handouts.handout(participantId, PortalLocales.SIMPLIFIED_CHINESE)));
        links.addClassName("link-row");
        var alerts = programmeAlerts.alerts(participantId);
        var changes = overview.programme().getChanges();
        // One look-up names who handled each alert and who made each change.
        var people = accounts.names(Stream.concat(alerts.stream().map(AlertRecord::handledBy).filter(Objects::nonNull),
                changes.stream().map(ProgrammeChange::by)).toList());
        add(links, new AlertsCard(programmeAlerts, alerts, people, reload));
        add(new ProgrammeSummary(overview), new ProgrammeItems(prescriptions, participantId, overview, reload),
                new SessionHistory(getTranslation("programme.sessions"), overview.sessions(),
                        overview.programme().getItems().size()),
                new CheckInHistory(overview.checkIns()),
                new ProgrammeChanges(changes, overview.manual(), people));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
