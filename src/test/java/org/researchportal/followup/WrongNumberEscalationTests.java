package org.researchportal.followup;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A call that reached someone else goes to the clinicians with the number that was dialled, so they can correct the
 * contact details; that number is personal data and is sealed at rest like the participant's own record.
 */
class WrongNumberEscalationTests extends PortalTest {

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ScreeningService screening;
    @Autowired
    ConsentService consent;
    @Autowired
    FollowUpPlans plans;
    @Autowired
    CallWorklist calls;
    @Autowired
    CallRecords records;
    @Autowired
    Escalations escalations;
    @Autowired
    MongoOperations mongo;

    @Test
    void aWrongNumberReachesTheCliniciansWithTheNumberSealedAtRest() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        trial.planCalls(plans);
        String participant = trial.asClinician(() -> trial.randomised(screening, consent, randomisation,
                TrialFixture.candidate("Wren Number", "+86 139 0000 0731", null)));
        trial.asCoordinator(() -> {
            var call = calls.callsOf(participant).getFirst();
            records.recordAttempt(call.requireId(), new CallEntry(CallOutcome.WRONG_NUMBER, null, null, null,
                    call.getVersion()));
            return null;
        });

        Escalation raised = trial.asClinician(() -> escalations.openFor(participant)).getFirst();
        assertThat(raised.getKind()).isEqualTo(Escalation.Kind.WRONG_NUMBER);
        assertThat(raised.getDetail()).isEqualTo("+8613900000731");
        Document stored = mongo.getCollection("call_escalations").find(new Document("participantId", participant)
                .append("kind", "WRONG_NUMBER")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("detail")).isNotBlank().doesNotContain("13900000731");
    }
}
