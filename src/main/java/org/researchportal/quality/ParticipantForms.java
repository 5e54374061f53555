package org.researchportal.quality;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.researchportal.assessments.AdverseEventRow;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.BlindedAdverseEvent;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalUser;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.FollowUpCall;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.PeopleNames;
import org.researchportal.participants.BlindedConsent;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.participants.EligibilityAssessment;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Every form of one participant, read through the services of the modules that keep them, in the reader's words: the
 * monitor's and the principal investigator's data page. A blinded reader (a monitor) gets only blinded reads: no arm,
 * no adverse event's description, relatedness or action, and no follow-up calls at all.
 */
@Service
public class ParticipantForms {

    private final BlindedParticipants participants;
    private final StudyService studies;
    private final AssessmentService assessments;
    private final MissedVisits missedVisits;
    private final AdverseEventService adverseEvents;
    private final CallWorklist calls;
    private final AccountService accounts;
    private final I18NProvider translations;

    ParticipantForms(BlindedParticipants participants, StudyService studies, AssessmentService assessments,
            MissedVisits missedVisits, AdverseEventService adverseEvents, CallWorklist calls, AccountService accounts,
            I18NProvider translations) {
        this.participants = participants;
        this.studies = studies;
        this.assessments = assessments;
        this.missedVisits = missedVisits;
        this.adverseEvents = adverseEvents;
        this.calls = calls;
        this.accounts = accounts;
        this.translations = translations;
    }

    /**
     * A randomised participant's forms in the order of the trial: eligibility, consent, each timepoint's instruments
     * as entered or why it was not assessed, adverse events, and for an unblinded reader the follow-up calls.
     */
    @Secured({Authorities.MONITOR, Authorities.CLINICIAN})
    public ParticipantData forms(String participantId, Locale locale) {
        PortalUser reader = CurrentUser.require();
        BlindedParticipantRow participant = participants.blindedParticipant(participantId)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
        String studyId = participant.studyId();
        var consent = participants.blindedConsent(participantId);
        var eligibility = participants.blindedEligibility(participantId);
        List<Timepoint> schedule = studies.schedule(studyId);
        List<InstrumentForms.Entry> entries = schedule.stream()
                .flatMap(t -> t.instruments().stream().flatMap(code -> assessments.entry(participantId, t.code(),
                        code).filter(e -> e.saved() != null).stream().map(e -> new InstrumentForms.Entry(t, e))))
                .toList();
        List<MissedVisitRecord> missed = missedVisits.missedVisitsOf(studyId, List.of(participantId));
        boolean blinded = reader.blinded();
        List<BlindedAdverseEvent> blindedEvents = blinded ? adverseEvents.blindedOfParticipant(participantId)
                : List.of();
        List<AdverseEventRow> events = blinded ? List.of() : adverseEvents.ofParticipant(participantId);
        // Each arm's calls follow its own script (the exercise arm's asks about adherence and safety): which questions
        // a call answered tells the arm, so a blinded reader is not shown them, not even as an empty list.
        List<FollowUpCall> answeredCalls = blinded ? List.of()
                : calls.callsOf(participantId).stream().filter(c -> c.getAnswers() != null).toList();
        Stream<String> named = Stream.of(consent.stream().map(BlindedConsent::takenBy),
                eligibility.stream().map(EligibilityAssessment::assessedBy),
                entries.stream().map(InstrumentForms.Entry::enteredBy),
                missed.stream().map(MissedVisitRecord::recordedBy),
                events.stream().map(AdverseEventRow::reportedBy)).flatMap(s -> s);
        // One look-up names everyone the forms name.
        PeopleNames people = accounts.names(named.toList());

        var words = new AnswerWords(translations, locale, reader.zone(), people);
        List<FormView> forms = new ArrayList<>();
        var screening = new ScreeningForms(studyId, participantId, words);
        eligibility.ifPresent(e -> forms.add(screening.eligibility(e, studies.eligibilityModel(studyId))));
        consent.ifPresent(c -> forms.add(screening.consent(c)));
        var instruments = new InstrumentForms(studyId, participantId, words);
        for (Timepoint t : schedule) {
            entries.stream().filter(e -> e.timepoint().equals(t)).forEach(e -> forms.add(instruments.form(e)));
            missed.stream().filter(m -> m.timepoint().equals(t.code())).forEach(m -> forms.add(instruments.missed(t,
                    m)));
        }
        var safety = new SafetyForms(studyId, participantId, words);
        blindedEvents.forEach(e -> forms.add(safety.blinded(e)));
        events.forEach(e -> forms.add(safety.unblinded(e)));
        answeredCalls.forEach(c -> forms.add(safety.call(c)));
        return new ParticipantData(participant, forms);
    }
}
