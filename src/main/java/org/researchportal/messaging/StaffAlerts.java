package org.researchportal.messaging;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountRow;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.participants.ProgrammeParticipants;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Emails staff about what needs them: the participant's therapist about a programme alert, and the tenant's
 * clinicians when a serious adverse event is reported: one message per clinician with an email
 * address, in their language, naming the study and the participant's study number and linking to the record. The
 * report itself never waits on this: the module that raised it calls these from its listener, which logs a failure
 * (the dashboard still lists the event). Planning again adds nothing: each email has its own key.
 */
@Service
public class StaffAlerts {

    /** What a programme alert is about, in messaging's words (the exercise module says which). */
    public enum ProgrammeAlertKind {
        NO_SESSIONS, PAIN_RISE, SAFETY_STOP
    }

    /** The longest query id and field name an email carries. */
    private static final int ID_MAX_LENGTH = 64;
    private static final int FIELD_MAX_LENGTH = 300;

    private final AccountService accounts;
    private final StudyNames studies;
    private final ParticipantContacts participants;
    private final ProgrammeParticipants programmeParticipants;
    private final MessageTemplates templates;
    private final Outbox outbox;
    private final Clock clock;
    private final PortalAddress portal;

    StaffAlerts(AccountService accounts, StudyNames studies, ParticipantContacts participants,
            ProgrammeParticipants programmeParticipants, MessageTemplates templates,
            Outbox outbox, Clock clock, PortalAddress portal) {
        this.accounts = accounts;
        this.studies = studies;
        this.participants = participants;
        this.programmeParticipants = programmeParticipants;
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
        this.portal = portal;
    }

    /**
     * Emails the participant's therapist about a programme alert, in their language, with the study number only;
     * answers how many emails were planned (none if the participant has no therapist with an email address).
     */
    @Secured(Authorities.CLINICIAN)
    public int programmeAlert(String participantId, String alertId, ProgrammeAlertKind kind) {
        var contact = participants.contact(participantId).orElse(null);
        if (contact == null || contact.therapistId() == null) {
            return 0;
        }
        String number = programmeParticipants.programmeParticipant(participantId)
                .map(p -> p.studyNumber() == null ? "–" : p.studyNumber()).orElse("–");
        for (AccountRow therapist : accounts.accountsWithRole(PortalRole.THERAPIST)) {
            if (!therapist.id().equals(contact.therapistId()) || therapist.email() == null) {
                continue;
            }
            String language = PortalLocales.fromTag(therapist.language()).toLanguageTag();
            Map<String, String> values = Map.of("participant", number, "alert", kindWords(kind, language), "link",
                    portal.base() + "/programme/" + participantId);
            TemplateText template = templates.template(MessagePurpose.PROGRAMME_ALERT, Channel.EMAIL, language);
            TemplateText text = template.render(values);
            outbox.enqueue(new NewMessage("programme-alert:" + alertId, MessagePurpose.PROGRAMME_ALERT,
                    Channel.EMAIL, therapist.email(), null, null, Locale.forLanguageTag(language), text.subject(),
                    text.body(), template.renderHtml(values), clock.instant()));
            return 1;
        }
        return 0;
    }

    private static String kindWords(ProgrammeAlertKind kind, String language) {
        boolean zh = language.startsWith("zh");
        return switch (kind) {
            case NO_SESSIONS -> zh ? "一周没有运动记录" : "no session logged for a week";
            case PAIN_RISE -> zh ? "疼痛比基线高 2 分或以上" : "pain 2 or more points above baseline";
            case SAFETY_STOP -> zh ? "运动中安全停止" : "a safety stop during a session";
        };
    }

    /**
     * Emails each of the tenant's clinicians with an email address about a serious adverse event, naming the study
     * and the participant's study number only; answers how many emails were planned.
     */
    @Secured(Authorities.CLINICIAN)
    public int seriousAdverseEvent(String studyId, String participantId, String adverseEventId) {
        String study = studies.study(studyId).map(StudyNames.StudyName::acronym).orElse("");
        String number = programmeParticipants.programmeParticipant(participantId)
                .map(p -> p.studyNumber() == null ? "–" : p.studyNumber()).orElse("–");
        Map<String, String> values = Map.of("study", study, "participant", number, "link",
                portal.base() + "/participants/" + participantId);
        int planned = 0;
        for (AccountRow clinician : accounts.accountsWithRole(PortalRole.CLINICIAN)) {
            if (clinician.email() == null) {
                continue;
            }
            String language = PortalLocales.fromTag(clinician.language()).toLanguageTag();
            TemplateText template = templates.template(MessagePurpose.SERIOUS_ADVERSE_EVENT, Channel.EMAIL,
                    language);
            TemplateText text = template.render(values);
            outbox.enqueue(new NewMessage("sae:" + adverseEventId + ":" + clinician.id(),
                    MessagePurpose.SERIOUS_ADVERSE_EVENT, Channel.EMAIL, clinician.email(), null, studyId,
                    Locale.forLanguageTag(language), text.subject(), text.body(), template.renderHtml(values),
                    clock.instant()));
            planned++;
        }
        return planned;
    }

    /**
     * Emails each of the tenant's people holding a query's role, with an email address, that a query was raised on a
     * field of a participant's form (named in their language), with the study number only and a link to the query;
     * answers how many emails were planned.
     */
    @Secured(Authorities.CLINICIAN)
    public int dataQuery(String queryId, String studyId, String participantId, PortalRole assignee, String fieldEn,
            String fieldZh) {
        if (Inputs.isBlankOrLonger(queryId, ID_MAX_LENGTH) || Inputs.isBlankOrLonger(fieldEn, FIELD_MAX_LENGTH)
                || Inputs.isBlankOrLonger(fieldZh, FIELD_MAX_LENGTH)) {
            throw ValidationException.of("query", "query.email.invalid");
        }
        String study = studies.study(studyId).map(StudyNames.StudyName::acronym).orElse("");
        String number = programmeParticipants.programmeParticipant(participantId)
                .map(p -> p.studyNumber() == null ? "–" : p.studyNumber()).orElse("–");
        int planned = 0;
        for (AccountRow person : accounts.accountsWithRole(assignee)) {
            if (person.email() == null) {
                continue;
            }
            String language = PortalLocales.fromTag(person.language()).toLanguageTag();
            Map<String, String> values = Map.of("field", language.startsWith("zh") ? fieldZh : fieldEn, "study",
                    study, "participant", number, "link", portal.base() + "/queries/" + queryId);
            TemplateText template = templates.template(MessagePurpose.DATA_QUERY, Channel.EMAIL, language);
            TemplateText text = template.render(values);
            outbox.enqueue(new NewMessage("data-query:" + queryId + ":" + person.id(), MessagePurpose.DATA_QUERY,
                    Channel.EMAIL, person.email(), null, studyId, Locale.forLanguageTag(language), text.subject(),
                    text.body(), template.renderHtml(values), clock.instant()));
            planned++;
        }
        return planned;
    }
}
