package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.SeriousAdverseEventReported;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantRow;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;

/** A serious adverse event puts one email per clinician in the outbox, naming only the study and study number. */
class StaffAlertsTests extends PortalTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    StudyService studies;
    @Autowired
    ParticipantService participants;
    @Autowired
    AccountService accounts;
    @Autowired
    Outbox outbox;

    @Test
    void eachClinicianGetsOneEmailAndReportingAgainAddsNone() {
        signIn("fudan.clinician");
        String study = studies.studies().getFirst().id();
        ParticipantRow participant = participants.participants(study, Pageable.unpaged()).stream()
                .filter(p -> p.studyNumber() != null).findFirst().orElseThrow();
        int clinicians = (int) accounts.accountsWithRole(PortalRole.CLINICIAN).stream()
                .filter(a -> a.email() != null).count();
        String adverseEvent = UUID.randomUUID().toString();
        var event = new SeriousAdverseEventReported("fudan", study, participant.id(), adverseEvent, Instant.now());
        events.publishEvent(event);
        events.publishEvent(event);

        List<OutboxMessage> alerts = asSystem("fudan", Set.of(PortalRole.COORDINATOR), () -> outbox.latest(500))
                .stream().filter(m -> m.getIdempotencyKey().startsWith("sae:" + adverseEvent + ":")).toList();
        assertThat(alerts).hasSize(clinicians).isNotEmpty().allSatisfy(m -> {
            assertThat(m.getChannel()).isEqualTo(Channel.EMAIL);
            assertThat(m.getPurpose()).isEqualTo(MessagePurpose.SERIOUS_ADVERSE_EVENT);
            assertThat(m.getSubject()).contains("RE-MS");
            assertThat(m.getBody()).contains(participant.studyNumber(), "/participants/" + participant.id())
                    .doesNotContain(participant.displayName());
            assertThat(m.getHtmlBody()).contains("<p>");
        });
    }

    @Test
    void aProgrammeAlertEmailsTheParticipantsOwnTherapistOnce() {
        signIn("fudan.therapist");
        String participant = participants.therapistCaseload(Pageable.unpaged()).stream()
                .filter(row -> row.studyNumber() != null).findFirst().orElseThrow().id();
        String alert = UUID.randomUUID().toString();
        var event = new org.researchportal.exercise.ProgrammeAlertRaised("fudan", participant, alert,
                org.researchportal.exercise.ProgrammeAlert.Kind.SAFETY_STOP);
        events.publishEvent(event);
        events.publishEvent(event);
        List<OutboxMessage> emails = asSystem("fudan", Set.of(PortalRole.COORDINATOR), () -> outbox.latest(500))
                .stream().filter(m -> m.getIdempotencyKey().equals("programme-alert:" + alert)).toList();
        assertThat(emails).singleElement().satisfies(m -> {
            assertThat(m.getRecipient()).isEqualTo("fudan.therapist@example.org");
            assertThat(m.getBody()).contains("a safety stop during a session", "/programme/" + participant);
        });
    }
}
