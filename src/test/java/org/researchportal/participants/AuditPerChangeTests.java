package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.demo.DemoStudyDesigns;
import org.springframework.beans.factory.annotation.Autowired;

/** Every clinical change of a participant's journey leaves exactly one audit record, with who, before and after. */
class AuditPerChangeTests extends TrialTest {

    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    AuditTrail audit;

    @Test
    void oneRecordPerChangeInTheOrderTheyHappened() {
        var trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        String id = trial.eligibleConsentedCandidate(screening, consent, "Audited Journey");
        trial.asClinician(() -> randomisation.randomise(id, Map.of()));
        trial.doAsClinician(() -> participation.recordDeviation(id, LocalDate.now(), "Visit out of window"));
        trial.doAsClinician(() -> participation.withdraw(id, LocalDate.now(), "Family reasons"));
        String ae = trial.asClinician(() -> adverseEvents.report(id, new AdverseEventReport(LocalDate.now(),
                "Wrist pain after exercise", "Right wrist", 1, false, AdverseEventReport.Relatedness.POSSIBLE,
                AdverseEventReport.Action.PROGRAMME_ADJUSTED, AdverseEventReport.Outcome.ONGOING, null)));

        List<AuditEvent> trail = trial.asClinician(() -> audit.history("Participant", id));
        assertThat(trail).extracting(AuditEvent::getAction).containsExactly("participant.status-changed",
                "participant.deviation-recorded", "participant.randomised", "participant.consented",
                "participant.eligibility-assessed", "participant.screened");
        assertThat(trail).allSatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("system:test-clinician");
            assertThat(e.getAfter()).isNotNull();
        });
        assertThat(trail.getFirst().getBefore()).containsEntry("status", "ENROLLED");
        assertThat(trail.getFirst().getReason()).isEqualTo("Family reasons");
        assertThat(trial.asClinician(() -> audit.history("AdverseEvent", ae))).extracting(AuditEvent::getAction)
                .containsExactly("adverse-event.reported");
    }
}
