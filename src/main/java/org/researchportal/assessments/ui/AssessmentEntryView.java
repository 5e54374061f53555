package org.researchportal.assessments.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.assessments.ArmGuesses;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.UnsavedChanges;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.identity.AccountService;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;

/** One participant's timepoint: a form per instrument, drawn from the instrument version its entry is made with, saved one by one. */
@Route("assess/:participantId?/:timepoint?")
@RolesAllowed(Roles.ASSESSOR)
final class AssessmentEntryView extends Main implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private final AssessmentService assessments;
    private final MissedVisits missedVisits;
    private final ArmGuesses guesses;
    private final StudyService studies;
    private final AccountService accounts;
    private final FormMarkings markings;
    private final UnsavedChanges changes = new UnsavedChanges(this);
    private String title = "";

    AssessmentEntryView(AssessmentService assessments, MissedVisits missedVisits, ArmGuesses guesses,
            StudyService studies, AccountService accounts, FormMarkings markings) {
        this.guesses = guesses;
        this.markings = markings;
        this.assessments = assessments;
        this.missedVisits = missedVisits;
        this.studies = studies;
        this.accounts = accounts;
        addClassNames("portal-view", "assessment-entry");
    }

    static Map<String, String> params(String participantId, String timepoint) {
        return Map.of("participantId", participantId, "timepoint", timepoint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String participantId = event.getRouteParameters().get("participantId").orElse("");
        String timepoint = event.getRouteParameters().get("timepoint").orElse("");
        if (participantId.isEmpty() || timepoint.isEmpty()) {
            // Opened without a timepoint: the worklist is where one is chosen.
            event.forwardTo(WorklistView.class);
            return;
        }
        Optional<DueAssessment> due = studies.studies().stream()
                .flatMap(s -> assessments.worklist(s.id()).stream())
                .filter(d -> d.participantId().equals(participantId) && d.timepoint().equals(timepoint))
                .findFirst();
        if (due.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(due.get());
    }

    private void show(DueAssessment due) {
        removeAll();
        title = Formats.text(due.studyNumber()) + " · " + due.displayName() + " · " + due.timepointLabel(getLocale());
        add(new ViewToolbar(title), new Paragraph(getTranslation("entry.window",
                Formats.date(due.windowOpens(), getLocale()), Formats.date(due.windowCloses(), getLocale()))));
        studies.schedule(due.studyId()).stream().filter(t -> t.code().equals(due.timepoint())).findFirst()
                .ifPresent(t -> t.instruments().forEach(code -> assessments.entry(due.participantId(),
                        due.timepoint(), code).ifPresent(entry -> add(new InstrumentForm(entry, due, t.byParticipant(
                                code), assessments, accounts, markings, changes, markings.forForm(ClinicalForm
                                        .instrument(due.studyId(), due.participantId(), due.timepoint(), code)))))));
        // The guess of the arm, after the outcome assessment of a follow-up timepoint (at baseline it means nothing).
        List<Timepoint> schedule = studies.schedule(due.studyId());
        if (due.instrumentsDone() > 0 && !schedule.isEmpty() && !schedule.getFirst().code().equals(due.timepoint())) {
            studies.study(due.studyId()).ifPresent(study -> add(new ArmGuessForm(due, study.arms(), guesses)));
        }
        if (due.state() != DueAssessment.State.DONE) {
            var missed = new MissedVisitForm(due, missedVisits, () -> {
                changes.reset();
                getUI().ifPresent(ui -> ui.navigate(WorklistView.class));
            });
            changes.formOf(missed);
            add(missed);
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        changes.beforeLeave(event);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
