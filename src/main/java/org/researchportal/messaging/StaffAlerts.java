package org.researchportal.messaging;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.researchportal.assessments.SeriousAdverseEventReported;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountRow;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Emails the tenant's clinicians when a serious adverse event is reported: one message per clinician with an email
 * address, in their language, naming the study and the participant's study number and linking to the record. The
 * report itself never waits on this: a failure to plan the email is logged, and the dashboard still lists the event.
 */
@Component
class StaffAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(StaffAlerts.class);

    private final TenantSweeps tenants;
    private final AccountService accounts;
    private final StudyService studies;
    private final ParticipantService participants;
    private final MessageTemplates templates;
    private final Outbox outbox;
    private final Clock clock;
    private final String portalUrl;

    StaffAlerts(TenantSweeps tenants, AccountService accounts, StudyService studies, ParticipantService participants,
            MessageTemplates templates, Outbox outbox, Clock clock,
            @Value("${portal.base-url:http://localhost:8080}") String portalUrl) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.studies = studies;
        this.participants = participants;
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
        this.portalUrl = portalUrl.isBlank() ? "http://localhost:8080" : portalUrl.replaceAll("/$", "");
    }

    @EventListener
    void seriousAdverseEvent(SeriousAdverseEventReported event) {
        try {
            tenants.inTenant(event.tenantId(), "sae-alert", EnumSet.of(PortalRole.CLINICIAN, PortalRole.COORDINATOR),
                    () -> {
                        String study = studies.study(event.studyId()).map(s -> s.acronym()).orElse("");
                        String number = participants.programmeParticipant(event.participantId())
                                .map(p -> p.studyNumber() == null ? "–" : p.studyNumber()).orElse("–");
                        Map<String, String> values = Map.of("study", study, "participant", number, "link",
                                portalUrl + "/participants/" + event.participantId());
                        int planned = 0;
                        for (AccountRow clinician : accounts.accountsWithRole(PortalRole.CLINICIAN)) {
                            if (clinician.email() == null) {
                                continue;
                            }
                            String language = clinician.language().startsWith("zh") ? "zh-CN" : "en";
                            TemplateText template = templates.template(MessagePurpose.SERIOUS_ADVERSE_EVENT,
                                    Channel.EMAIL, language);
                            TemplateText text = template.render(values);
                            outbox.enqueue(new NewMessage("sae:" + event.adverseEventId() + ":" + clinician.id(),
                                    MessagePurpose.SERIOUS_ADVERSE_EVENT, Channel.EMAIL, clinician.email(), null,
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
