package org.researchportal.participants.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.security.Roles;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.base.ui.MissingParameter;
import org.researchportal.base.ui.UnsavedChanges;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.CareTeamService;
import org.researchportal.participants.Consent;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantRecordSection;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipationService;
import org.researchportal.participants.Randomisation;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.StudyService;
import org.researchportal.study.TrialDocumentService;

/**
 * One participant's record for the clinician: contact, eligibility, consent and randomisation, in the order the work
 * is done. An id of another tenant, or none at all, is simply not found.
 */
@ShowsArms
@Route("participants")
@RolesAllowed(Roles.CLINICIAN)
final class ParticipantRecordView extends Main
        implements
            HasUrlParameter<String>,
            BeforeLeaveObserver,
            HasDynamicTitle {

    private final ParticipantService participants;
    private final ScreeningService screening;
    private final ConsentService consent;
    private final RandomisationService randomisation;
    private final StudyService studies;
    private final AuditTrail audit;
    private final List<ParticipantRecordSection> sections;
    private final ParticipationService participation;
    private final TrialDocumentService documents;
    private final CareTeamService careTeam;
    private final AccountService accounts;
    private final FormMarkings markings;
    private final UnsavedChanges changes = new UnsavedChanges(this);
    private String title = "";

    ParticipantRecordView(ParticipantService participants, ScreeningService screening, ConsentService consent,
            RandomisationService randomisation, StudyService studies, AuditTrail audit,
            List<ParticipantRecordSection> sections, ParticipationService participation,
            TrialDocumentService documents, CareTeamService careTeam, AccountService accounts,
            FormMarkings markings) {
        this.markings = markings;
        this.participants = participants;
        this.screening = screening;
        this.consent = consent;
        this.randomisation = randomisation;
        this.studies = studies;
        this.audit = audit;
        this.sections = sections;
        this.participation = participation;
        this.documents = documents;
        this.careTeam = careTeam;
        this.accounts = accounts;
        addClassNames("portal-view", "participant-record");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable String participantId) {
        if (MissingParameter.forwardedHome(event, participantId)) {
            return;
        }
        try {
            show(participants.participantRecord(participantId));
        } catch (org.researchportal.base.NotFoundException notInThisTenant) {
            // Named in full: the router has a NotFoundException of its own, imported above.
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(ParticipantRecord record) {
        removeAll();
        title = record.displayName() + " · " + record.screeningNumber();
        Runnable reload = () -> show(participants.participantRecord(record.id()));
        // Read once: the checklist and the audit trail's names for the study's codes both use it.
        var eligibility = studies.eligibilityModel(record.studyId());
        var trail = audit.participantHistory(record.id());
        // One look-up names everyone the record and its trail name by username.
        var people = accounts.names(peopleNamedIn(record, trail));
        add(new ViewToolbar(title), new RecordSummary(record, people),
                new BirthYearForm(record, participants, reload),
                new EligibilityPanel(record, eligibility, screening, markings, reload),
                new ConsentPanel(record, people, consent, documents.consentForms(record.studyId()), record
                        .consent() == null
                                ? List.of() : markings.forForm(ClinicalForm.consent(record.studyId(), record.id())),
                        reload, markings),
                new RandomisationPanel(record, people, studies.randomisationPlan(record.studyId()).orElse(null),
                        randomisation, reload),
                new ParticipationPanel(record, people, participation, reload));
        if (record.armName() != null) {
            add(new CareTeamPanel(record, careTeam, accounts, reload));
        }
        add(new AuditPanel(trail, studyTerms(studies, record.studyId(), eligibility, getLocale()), people));
        sections.stream().sorted(Comparator.comparingInt(ParticipantRecordSection::order))
                .forEach(s -> addComponentAtIndex(getComponentCount() - 1, s.section(record, reload)));
        // The record is rebuilt from what is stored after every save: any field typed into since is unsaved.
        changes.reset();
        changes.formOf(this);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        changes.beforeLeave(event);
    }

    /** Who the record's panels and its audit trail name: who screened, took consent, randomised, recorded. */
    private static Set<String> peopleNamedIn(ParticipantRecord record, List<AuditEvent> trail) {
        Set<String> usernames = new HashSet<>();
        usernames.add(record.screenedBy());
        Consent consent = record.consent();
        Stream.concat(Stream.ofNullable(consent), record.earlierConsents().stream()).forEach(c -> {
            usernames.add(c.takenBy());
            c.withdrawals().forEach(w -> usernames.add(w.recordedBy()));
        });
        Randomisation randomised = record.randomisation();
        usernames.add(randomised == null ? null : randomised.by());
        record.unblindings().forEach(u -> usernames.add(u.by()));
        record.statusChanges().forEach(c -> usernames.add(c.recordedBy()));
        record.deviations().forEach(d -> usernames.add(d.recordedBy()));
        AuditPanel.collectPeople(trail, usernames);
        return usernames;
    }

    /** The study's own codes in the reader's language: arms, screening measures and criteria. */
    static Map<String, String> studyTerms(StudyService studies, String studyId,
            org.researchportal.study.EligibilityModel model, java.util.Locale locale) {
        boolean chinese = locale.getLanguage().equals("zh");
        Map<String, String> terms = new HashMap<>();
        studies.study(studyId).ifPresent(s -> s.arms().forEach(a -> terms.put(a.code(), a.name(locale))));
        model.measures().forEach(m -> terms.put(m.code(), chinese ? m.labelZh() : m.label()));
        model.criteria().forEach(c -> terms.put(c.code(), c.code() + " " + (chinese ? c.textZh() : c.text())));
        studies.schedule(studyId).forEach(t -> terms.put(t.code(), chinese ? t.labelZh() : t.label()));
        return terms;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
