package org.researchportal.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueQuestionnaire;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.assessments.QuestionnaireCompliance;
import org.researchportal.assessments.Questionnaires;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Questionnaire compliance worked by hand on a fresh study with a participant in each state, and the missed ones on
 * the coordinators' call worklist until handled or answered from paper.
 */
class MissedQuestionnairesTests extends PortalTest {

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ParticipantService participants;
    @Autowired
    AccountService accounts;
    @Autowired
    AssessmentService assessments;
    @Autowired
    MissedVisits missedVisits;
    @Autowired
    Questionnaires questionnaires;
    @Autowired
    MissedQuestionnaires missed;
    @Autowired
    AuditTrail audit;

    private ComplianceTrial t;

    @BeforeEach
    void freshStudy() {
        t = ComplianceTrial.create(tenants, studies, randomisation, participants, accounts, assessments,
                missedVisits);
    }

    @Test
    void complianceIsCountedPerTimepointPerParticipantAndInAll() {
        List<DueQuestionnaire> due = t.trial().asCoordinator(() -> questionnaires.ofStudy(t.trial().studyId()));
        QuestionnaireCompliance compliance = QuestionnaireCompliance.of(due);

        // Week 1: Ann and Gao missed, Bea completed, Cai open, Dan late; Eve excused, Fay not yet: 5 expected.
        // Rate: completed 1 of the 3 settled (completed or missed).
        assertThat(compliance.byTimepoint()).extracting(QuestionnaireCompliance.Figures::key).containsExactly(
                "week_1", "week_4");
        var week1 = compliance.byTimepoint().get(0);
        assertThat(List.of(week1.expected(), week1.completed(), week1.open(), week1.late(), week1.missed(),
                week1.ratePercent())).containsExactly(5, 1, 1, 1, 2, 33);
        // Week 4: only Eve's window has opened (and closed): answered.
        var week4 = compliance.byTimepoint().get(1);
        assertThat(List.of(week4.expected(), week4.completed(), week4.open(), week4.late(), week4.missed(),
                week4.ratePercent())).containsExactly(1, 1, 0, 0, 0, 100);
        var total = compliance.total();
        assertThat(List.of(total.expected(), total.completed(), total.open(), total.late(), total.missed(),
                total.ratePercent())).containsExactly(6, 2, 1, 1, 2, 50);

        assertThat(figures(compliance, t.ann())).containsExactly(1, 0, 0, 0, 1, 0);
        assertThat(figures(compliance, t.bea())).containsExactly(1, 1, 0, 0, 0, 100);
        assertThat(figures(compliance, t.cai())).as("open: nothing settled, no rate yet")
                .containsExactly(1, 0, 1, 0, 0, -1);
        assertThat(figures(compliance, t.dan())).containsExactly(1, 0, 0, 1, 0, -1);
        assertThat(figures(compliance, t.eve())).as("her excused week 1 is not expected")
                .containsExactly(1, 1, 0, 0, 0, 100);
        assertThat(figures(compliance, t.fay())).containsExactly(0, 0, 0, 0, 0, -1);
        assertThat(compliance.byParticipant()).extracting(QuestionnaireCompliance.Figures::label)
                .contains("Ann Missed · Q-0A").noneMatch(label -> label.contains("EXERCISE")
                        || label.contains("CONTROL"));
    }

    @Test
    void aMissedQuestionnaireIsOnTheWorklistUntilHandledAndTheHandlingIsAudited() {
        assertThat(open(WorklistFilter.OPEN)).containsExactly(t.ann() + " week_1", t.gao() + " week_1");
        assertThat(open(new WorklistFilter(t.trial().studyId(), Urgency.CLOSED, false)))
                .as("not among the closed calls").isEmpty();

        assertThatThrownBy(() -> asCoordinator(() -> {
            missed.handle(t.ann(), "week_1", " ");
            return null;
        })).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsKey(
                "note"));
        assertThatThrownBy(() -> asCoordinator(() -> {
            missed.handle(t.bea(), "week_1", "Called her");
            return null;
        })).as("Bea answered: nothing to handle").isInstanceOf(NotFoundException.class);

        asCoordinator(() -> {
            missed.handle(t.ann(), "week_1", "Called her: she was away, will answer the next one");
            return null;
        });
        assertThat(open(WorklistFilter.OPEN)).containsExactly(t.gao() + " week_1");
        assertThatThrownBy(() -> asCoordinator(() -> {
            missed.handle(t.ann(), "week_1", "Again");
            return null;
        })).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                .containsEntry("note", "questionnaire-missed.handled-already"));
        List<AuditEvent> trail = t.trial().asClinician(() -> audit.participantHistory(t.ann()));
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("questionnaire-missed.handled");
            assertThat(e.getAfter()).containsEntry("timepoint", "week_1").containsEntry("note",
                    "Called her: she was away, will answer the next one");
        });
        // Handled is not answered: compliance still counts it missed.
        var week1 = QuestionnaireCompliance.of(t.trial().asCoordinator(() -> questionnaires.ofStudy(t.trial()
                .studyId()))).byTimepoint().getFirst();
        assertThat(week1.missed()).isEqualTo(2);
    }

    @Test
    void answersEnteredFromPaperTakeItOffTheWorklist() {
        t.gaoAnswersOnPaper(assessments);
        assertThat(open(WorklistFilter.OPEN)).containsExactly(t.ann() + " week_1");
        var week1 = QuestionnaireCompliance.of(t.trial().asCoordinator(() -> questionnaires.ofStudy(t.trial()
                .studyId()))).byTimepoint().getFirst();
        assertThat(List.of(week1.completed(), week1.missed(), week1.ratePercent())).containsExactly(2, 1, 67);
    }

    @Test
    void mineOnlyKeepsHerOwnCoordinatorsAndThoseNobodyIsAssignedTo() {
        List<MissedQuestionnaireRow> cora = SystemActor.callFor("test", t.trial().tenantId(), t.coraAccountId(),
                EnumSet.of(PortalRole.COORDINATOR), () -> missed.open(new WorklistFilter(null, null, true)));
        assertThat(cora).extracting(r -> r.participant().id() + " " + r.mine()).containsExactly(t.ann() + " true",
                t.gao() + " false");
        List<MissedQuestionnaireRow> another = asCoordinator(() -> missed.open(new WorklistFilter(null, null,
                true)));
        assertThat(another).extracting(r -> r.participant().id()).as("Ann is Cora's").containsExactly(t.gao());
        assertThat(another.getFirst().timepointLabel(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("第1周");
    }

    private List<String> open(WorklistFilter filter) {
        return asCoordinator(() -> missed.open(filter)).stream().map(r -> r.participant().id() + " "
                + r.timepoint()).toList();
    }

    private <T> T asCoordinator(Supplier<T> work) {
        return t.trial().asCoordinator(work);
    }

    private static List<Integer> figures(QuestionnaireCompliance compliance, String participantId) {
        var f = compliance.of(participantId);
        return List.of(f.expected(), f.completed(), f.open(), f.late(), f.missed(), f.ratePercent());
    }
}
