package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.security.PortalRole;
import org.researchportal.messaging.Channel;
import org.researchportal.messaging.MessagePurpose;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A monitor questions a value, the site answers (a correction goes through the form's own service, with the answer as
 * its reason), the monitor closes or re-opens; only the assigned role answers and the monitor changes no value.
 */
class DataQueriesTests extends PortalTest {

    private static final String BPI = "bpi_sf";

    @Autowired
    DataQueries queries;
    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;
    @Autowired
    AuditTrail audit;
    @Autowired
    Outbox outbox;
    @Autowired
    QueriesLockCheck lockCheck;
    @Autowired
    AdverseEventService adverseEvents;

    private String study = "";

    /**
     * A recorded BPI at a participant's baseline, read as the monitor: the last of the demo's (the REDCap tests hold the
     * first to the values the demo seeded, and these tests correct it).
     */
    private AssessmentRecord recordedBpi() {
        signIn("fudan.monitor");
        study = studies.studies().getFirst().id();
        return assessments.worklist(study).stream().filter(d -> d.timepoint().equals("baseline"))
                .map(d -> assessments.find(d.participantId(), "baseline", BPI)).flatMap(java.util.Optional::stream)
                .filter(r -> r.answers().containsKey("worst")).reduce((first, later) -> later).orElseThrow();
    }

    private DataPoint worst(AssessmentRecord bpi) {
        return ClinicalForm.instrument(study, bpi.participantId(), "baseline", BPI).item("worst");
    }

    @Test
    void aMonitorRaisesAClinicianCorrectsTheValueWithTheQueryAsReasonAndTheMonitorClosesAndReopens() {
        AssessmentRecord bpi = recordedBpi();
        String before = bpi.answers().get("worst");
        String corrected = before.equals("7") ? "8" : "7";
        DataQueryRecord raised = queries.raise(worst(bpi), "ignored: read from the record", PortalRole.CLINICIAN,
                "Worst pain is above the source document's value");
        assertThat(raised.state()).isEqualTo(QueryState.OPEN);
        assertThat(raised.value()).isEqualTo(before);
        assertThat(raised.assignee()).isEqualTo(PortalRole.CLINICIAN);
        assertThat(queries.openOf(study)).extracting(DataQueryRow::id).contains(raised.id());
        assertThat(lockCheck.blockers(study)).extracting(LockBlocker::participantId)
                .contains(bpi.participantId());

        signIn("fudan.clinician");
        DataQueryRecord answered = queries.answerWithCorrection(raised.id(), corrected,
                "Source worksheet says " + corrected);
        assertThat(answered.state()).isEqualTo(QueryState.ANSWERED);
        assertThat(answered.thread()).last().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(QueryMessage.Kind.ANSWERED_WITH_CORRECTION);
            assertThat(m.oldValue()).isEqualTo(before);
            assertThat(m.newValue()).isEqualTo(corrected);
            assertThat(m.role()).isEqualTo(PortalRole.CLINICIAN);
            assertThat(m.by()).isEqualTo("fudan.clinician");
        });
        assertThat(assessments.find(bpi.participantId(), "baseline", BPI).orElseThrow().answers())
                .containsEntry("worst", corrected);
        assertThat(audit.history("Assessment", bpi.id())).first().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo("assessment.changed");
            assertThat(e.getReason()).isEqualTo("Source worksheet says " + corrected);
            assertThat(e.getActor()).isEqualTo("fudan.clinician");
        });
        assertThat(audit.history(DataQueries.ENTITY, raised.id())).extracting(e -> e.getAction())
                .containsExactly("query.corrected", "query.raised");

        signIn("fudan.monitor");
        assertThat(queries.close(raised.id(), "Matches the source").state()).isEqualTo(QueryState.CLOSED);
        assertThat(queries.openOf(study)).extracting(DataQueryRow::id).doesNotContain(raised.id());
        assertThatThrownBy(() -> queries.close(raised.id(), "Again")).isInstanceOf(ValidationException.class);
        DataQueryRecord reopened = queries.reopen(raised.id(), "The date is off too");
        assertThat(reopened.state()).isEqualTo(QueryState.REOPENED);
        assertThat(reopened.thread()).extracting(QueryMessage::kind).containsExactly(QueryMessage.Kind.RAISED,
                QueryMessage.Kind.ANSWERED_WITH_CORRECTION, QueryMessage.Kind.CLOSED, QueryMessage.Kind.REOPENED);
        assertThatThrownBy(() -> queries.reopen(raised.id(), "Twice")).isInstanceOf(ValidationException.class);

        signIn("fudan.clinician");
        assertThat(queries.answer(raised.id(), "The date is right: the visit was that day").state())
                .isEqualTo(QueryState.ANSWERED);
        signIn("fudan.monitor");
        queries.close(raised.id(), "Settled");
        assertThat(queries.allOf(study)).filteredOn(q -> q.id().equals(raised.id())).singleElement()
                .satisfies(q -> assertThat(q.thread()).hasSize(6));
        signIn("fudan.clinician");
        assertThat(audit.history(DataQueries.ENTITY, raised.id())).extracting(e -> e.getAction()).containsExactly(
                "query.closed", "query.answered", "query.reopened", "query.closed", "query.corrected",
                "query.raised");
    }

    @Test
    void onlyTheAssignedRoleAnswersAndTheMonitorChangesNoValue() {
        AssessmentRecord bpi = recordedBpi();
        DataQueryRecord raised = queries.raise(worst(bpi), null, null, "Please check the worst pain");
        assertThat(raised.assignee()).isEqualTo(PortalRole.ASSESSOR);

        assertThatThrownBy(() -> queries.answer(raised.id(), "I am the monitor"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> queries.answerWithCorrection(raised.id(), "1", "I am the monitor"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assessments.correct(bpi.participantId(), "baseline", BPI, "worst", "1", "Monitor"))
                .isInstanceOf(AccessDeniedException.class);

        signIn("fudan.clinician");
        assertThatThrownBy(() -> queries.answer(raised.id(), "Not mine to answer"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(queries.query(raised.id())).as("the clinician does not see the assessor's queries").isEmpty();
        signIn("fudan.coordinator");
        assertThatThrownBy(() -> queries.answerWithCorrection(raised.id(), "1", "Not mine"))
                .isInstanceOf(AccessDeniedException.class);

        signIn("fudan.monitor");
        assertThat(assessments.find(bpi.participantId(), "baseline", BPI).orElseThrow().answers())
                .isEqualTo(bpi.answers());

        signIn("fudan.assessor");
        assertThatThrownBy(() -> queries.answerWithCorrection(raised.id(), "42", "Out of the scale"))
                .isInstanceOf(ValidationException.class);
        assertThat(queries.answer(raised.id(), "Checked against the worksheet: it is right").state())
                .isEqualTo(QueryState.ANSWERED);
        assertThatThrownBy(() -> queries.answer(raised.id(), "Twice")).isInstanceOf(ValidationException.class);
        signIn("fudan.monitor");
        queries.close(raised.id(), "Thank you");
    }

    @Test
    void aQueryIsRefusedOnAFormOrFieldThatIsNotThere() {
        AssessmentRecord bpi = recordedBpi();
        ClinicalForm form = ClinicalForm.instrument(study, bpi.participantId(), "baseline", BPI);
        assertThatThrownBy(() -> queries.raise(form.item("no_such_item"), null, null, "Where?"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> queries.raise(form.item("worst"), null, PortalRole.COORDINATOR, "To whom?"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> queries.raise(form.item("worst"), null, null, " "))
                .isInstanceOf(ValidationException.class);
        var otherStudy = ClinicalForm.instrument("not-this-study", bpi.participantId(), "baseline", BPI);
        assertThatThrownBy(() -> queries.raise(otherStudy.item("worst"), null, null, "Which study?"))
                .isInstanceOf(org.researchportal.base.NotFoundException.class);
    }

    @Test
    void theAssigneesAreEmailedThroughTheOutboxInTheirLanguage() {
        AssessmentRecord bpi = recordedBpi();
        DataQueryRecord onBpi = queries.raise(worst(bpi), null, null, "Please check");
        DataQueryRecord onCall = queries.raise(ClinicalForm.followUpCall(study, bpi.participantId(),
                "call-1").item("missedDoses"), "3", null, "Three missed doses: is that right?");
        assertThat(onCall.assignee()).isEqualTo(PortalRole.COORDINATOR);

        List<OutboxMessage> messages = asSystem("fudan", Set.of(PortalRole.COORDINATOR), () -> outbox.latest(500));
        assertThat(messages).filteredOn(m -> m.getIdempotencyKey().startsWith("data-query:" + onBpi.id() + ":"))
                .singleElement().satisfies(m -> {
                    assertThat(m.getRecipient()).isEqualTo("fudan.assessor@example.org");
                    assertThat(m.getChannel()).isEqualTo(Channel.EMAIL);
                    assertThat(m.getPurpose()).isEqualTo(MessagePurpose.DATA_QUERY);
                    assertThat(m.getBody()).contains("A query was raised on", "RE-MS", "/queries/" + onBpi.id())
                            .contains(onBpi.studyNumber());
                });
        assertThat(messages).filteredOn(m -> m.getIdempotencyKey().startsWith("data-query:" + onCall.id() + ":"))
                .singleElement().satisfies(m -> {
                    assertThat(m.getRecipient()).isEqualTo("fudan.coordinator@example.org");
                    assertThat(m.getBody()).contains("数据质疑", "随访电话", "/queries/" + onCall.id());
                });
        queries.close(onBpi.id(), "Withdrawn");
        queries.close(onCall.id(), "Withdrawn");
    }

    @Test
    void aClinicianCorrectsAnAdverseEventsFieldThroughItsFollowUpWithTheAnswerAsReason() {
        AssessmentRecord bpi = recordedBpi();
        signIn("fudan.clinician");
        String event = adverseEvents.report(bpi.participantId(), new AdverseEventReport(LocalDate.now().minusDays(3),
                "Wrist pain after band exercises", "Right wrist", 2, false, AdverseEventReport.Relatedness.POSSIBLE,
                AdverseEventReport.Action.NONE, AdverseEventReport.Outcome.ONGOING, null));
        signIn("fudan.monitor");
        DataQueryRecord raised = queries.raise(ClinicalForm.adverseEvent(study, bpi.participantId(), event).item(
                "grade"), "2", null, "The source notes grade 1");
        assertThat(raised.assignee()).isEqualTo(PortalRole.CLINICIAN);

        signIn("fudan.clinician");
        assertThatThrownBy(() -> queries.answerWithCorrection(raised.id(), "mild", "Not a grade"))
                .isInstanceOf(ValidationException.class);
        DataQueryRecord answered = queries.answerWithCorrection(raised.id(), "1", "Clinic note says grade 1");
        assertThat(answered.thread().getLast().oldValue()).isEqualTo("2");
        assertThat(adverseEvents.ofParticipant(bpi.participantId())).filteredOn(e -> e.id().equals(event))
                .singleElement().satisfies(e -> {
                    assertThat(e.report().grade()).isEqualTo(1);
                    assertThat(e.report().description()).isEqualTo("Wrist pain after band exercises");
                });
        assertThat(audit.history("AdverseEvent", event)).first().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo("adverse-event.updated");
            assertThat(e.getReason()).isEqualTo("Clinic note says grade 1");
        });
        signIn("fudan.monitor");
        queries.close(raised.id(), "Thank you");

        // The action taken would tell the blinded monitor the arm (a programme paused): she never reads its values.
        DataQueryRecord onAction = queries.raise(ClinicalForm.adverseEvent(study, bpi.participantId(), event).item(
                "action"), "NONE", null, "Was the programme paused?");
        assertThat(onAction.value()).isNull();
        signIn("fudan.clinician");
        assertThat(queries.answerWithCorrection(onAction.id(), "programme_paused", "Paused for a week").thread()
                .getLast().newValue()).isEqualTo("programme_paused");
        signIn("fudan.monitor");
        assertThat(queries.query(onAction.id()).orElseThrow().thread()).allSatisfy(m -> {
            assertThat(m.oldValue()).isNull();
            assertThat(m.newValue()).isNull();
        });
        assertThat(queries.close(onAction.id(), "Thank you").thread().getLast().text()).isEqualTo("Thank you");
    }
}
