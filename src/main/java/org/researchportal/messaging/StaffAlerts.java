package org.researchportal.messaging;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.researchportal.assessments.SeriousAdverseEventReported;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.exercise.ProgrammeAlert;
import org.researchportal.exercise.ProgrammeAlertRaised;
import org.researchportal.identity.AccountRow;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.participants.ProgrammeParticipants;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Emails staff about what needs them: the participant's therapist about a programme alert, and the tenant's
 * clinicians when a serious adverse event is reported: one message per clinician with an email
 * address, in their language, naming the study and the participant's study number and linking to the record. The
 * report itself never waits on this: a failure to plan the email is logged, and the dashboard still lists the event.
 */
@Component
class StaffAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(StaffAlerts.class);

    private final TenantSweeps tenants;
    private final AccountService accounts;
    private final StudyService studies;
    private final ParticipantContacts participants;
    private final ProgrammeParticipants programmeParticipants;
    private final MessageTemplates templates;
    private final Outbox outbox;
    private final Clock clock;
    private final PortalAddress portal;

    StaffAlerts(TenantSweeps tenants, AccountService accounts, StudyService studies, ParticipantContacts participants,
            ProgrammeParticipants programmeParticipants,
            MessageTemplates templates, Outbox outbox, Clock clock,
            PortalAddress portal) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.studies = studies;
        this.participants = participants;
        this.programmeParticipants = programmeParticipants;
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
        this.portal = portal;
    }

    /** Emails the participant's therapist about a programme alert, in their language, with the study number only. */
    @EventListener
    void programmeAlert(ProgrammeAlertRaised event) {
        try {
            tenants.inTenant(event.tenantId(), "programme-alert", EnumSet.of(PortalRole.CLINICIAN,
                    PortalRole.COORDINATOR), () -> {
                        var contact = participants.contact(event.participantId()).orElse(null);
                        if (contact == null || contact.therapistId() == null) {
                            return 0;
                        }
                        String number = programmeParticipants.programmeParticipant(event.participantId())
                                .map(p -> p.studyNumber() == null ? "–" : p.studyNumber()).orElse("–");
                        for (AccountRow therapist : accounts.accountsWithRole(PortalRole.THERAPIST)) {
                            if (!therapist.id().equals(contact.therapistId()) || therapist.email() == null) {
                                continue;
                            }
                            String language = PortalLocales.fromTag(therapist.language()).toLanguageTag();
                            Map<String, String> values = Map.of("participant", number, "alert", kindWords(
                                    event.kind(), language), "link", portal.base() + "/programme/"
                                            + event.participantId());
                            TemplateText template = templates.template(MessagePurpose.PROGRAMME_ALERT, Channel.EMAIL,
                                    language);
                            TemplateText text = template.render(values);
                            outbox.enqueue(new NewMessage("programme-alert:" + event.alertId(),
                                    MessagePurpose.PROGRAMME_ALERT, Channel.EMAIL, therapist.email(), null, null,
                                    Locale.forLanguageTag(language), text.subject(), text.body(),
                                    template.renderHtml(values), clock.instant()));
                            return 1;
                        }
                        return 0;
                    });
        } catch (RuntimeException e) {
            LOG.error("Could not plan the alert email for programme alert {}", event.alertId(), e);
        }
    }

    private static String kindWords(ProgrammeAlert.Kind kind, String language) {
        boolean zh = language.startsWith("zh");
        return switch (kind) {
            case NO_SESSIONS -> zh ? "一周没有运动记录" : "no session logged for a week";
            case PAIN_RISE -> zh ? "疼痛比基线高 2 分或以上" : "pain 2 or more points above baseline";
            case SAFETY_STOP -> zh ? "运动中安全停止" : "a safety stop during a session";
        };
    }

    @EventListener
    void seriousAdverseEvent(SeriousAdverseEventReported event) {
        try {
            tenants.inTenant(event.tenantId(), "sae-alert", EnumSet.of(PortalRole.CLINICIAN, PortalRole.COORDINATOR),
                    () -> {
                        String study = studies.study(event.studyId()).map(s -> s.acronym()).orElse("");
                        String number = programmeParticipants.programmeParticipant(event.participantId())
                                .map(p -> p.studyNumber() == null ? "–" : p.studyNumber()).orElse("–");
                        Map<String, String> values = Map.of("study", study, "participant", number, "link",
                                portal.base() + "/participants/" + event.participantId());
                        int planned = 0;
                        for (AccountRow clinician : accounts.accountsWithRole(PortalRole.CLINICIAN)) {
                            if (clinician.email() == null) {
                                continue;
                            }
                            String language = PortalLocales.fromTag(clinician.language()).toLanguageTag();
                            TemplateText template = templates.template(MessagePurpose.SERIOUS_ADVERSE_EVENT,
                                    Channel.EMAIL, language);
                            TemplateText text = template.render(values);
                            outbox.enqueue(new NewMessage("sae:" + event.adverseEventId() + ":" + clinician.id(),
                                    MessagePurpose.SERIOUS_ADVERSE_EVENT, Channel.EMAIL, clinician.email(), null,
                                    event.studyId(),
                                    Locale.forLanguageTag(language), text.subject(), text.body(),
                                    template.renderHtml(values), clock.instant()));
                            planned++;
                        }
                        return planned;
                    });
        } catch (RuntimeException e) {
            LOG.error("Could not plan the alert emails for adverse event {}", event.adverseEventId(), e);
        }
    }
}
