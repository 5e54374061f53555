package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.OwnAnswersFixture;
import org.researchportal.assessments.OwnAnswersFixture.Her;
import org.researchportal.assessments.Respondent;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalDataRules;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SignInWay;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The study's edit checks on the answers a participant gives herself (RE-MS's BPI at week 6, her window open today, in
 * a trial of its own with the standard checks): a hard check refuses her submit at the item with its message and
 * writes nothing, also when it compares with another timepoint (read with no more authority than her own form
 * needs); a soft one saves and opens a query for the site's clinician, which she cannot read, and which the clinician
 * answers with a correction.
 */
class ParticipantAnswerChecksTests extends PortalTest {

    @Autowired
    AssessmentService assessments;
    @Autowired
    EditChecks checks;
    @Autowired
    DataQueries queries;
    @Autowired
    StudyService studies;
    @Autowired
    AccountService accounts;
    @Autowired
    ParticipantService participants;
    @Autowired
    TenantService tenants;
    @Autowired
    RandomisationService randomisation;

    private OwnAnswersFixture trial;
    private Her her;

    @BeforeEach
    void aTrialWithTheStandardChecksAndAParticipantWhoseWeekSixIsOpen() {
        trial = OwnAnswersFixture.create(tenants, studies, randomisation);
        as(PortalRole.MONITOR, () -> checks.addStandard(trial.studyId()));
        her = trial.enrolledSixWeeksAgo(accounts, participants, "EXERCISE");
    }

    @Test
    void aHardCheckRefusesHerSubmitAtTheItemWithItsMessageAndNothingIsWritten() {
        assertThatThrownBy(() -> trial.answersBpi(assessments, her, Map.of("worst", "2", "least", "5", "average",
                "3", "now", "3"))).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldMessageKeys()).containsExactly(Map.entry("item.worst",
                            ClinicalDataRules.FAILED));
                    assertThat(e.arguments("item.worst")).containsExactly(
                            "Worst pain is below least pain: check both answers.", "最严重疼痛低于最轻疼痛：请核对这两项。");
                });
        assertThat(as(PortalRole.CLINICIAN, () -> assessments.find(her.participantId(), "week_6", "bpi_sf")))
                .isEmpty();
    }

    /**
     * A hard check comparing with her baseline (entered by the assessor from her paper form) reads that baseline
     * though a participant may not read the assessor's services; another participant's form is not hers to check.
     */
    @Test
    void aHardCheckComparingWithHerBaselineReadsItForHerOwnFormOnly() {
        LocalDate enrolled = OwnAnswersFixture.today().minusDays(42);
        as(PortalRole.ASSESSOR, () -> assessments.record(her.participantId(), "baseline", "bpi_sf", enrolled, Map.of(
                "worst", "2", "least", "1", "average", "1", "now", "1"), null));
        as(PortalRole.MONITOR, () -> checks.add(trial.studyId(), new CheckDefinition("bpi_worst_jumped",
                FormKind.INSTRUMENT, "bpi_sf", "worst", "[worst] > [baseline][worst] + 5", CheckSeverity.HARD,
                "Worst pain rose by more than 5 since the start: check it.", "最严重疼痛比基线高出5分以上：请核对。",
                true)));

        assertThatThrownBy(() -> trial.answersBpi(assessments, her, Map.of("worst", "9", "least", "1", "average",
                "3", "now", "3"))).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldMessageKeys()).containsEntry("item.worst", ClinicalDataRules.FAILED);
                    assertThat(e.arguments("item.worst")).containsExactly(
                            "Worst pain rose by more than 5 since the start: check it.", "最严重疼痛比基线高出5分以上：请核对。");
                });
        AssessmentRecord saved = trial.answersBpi(assessments, her, Map.of("worst", "4", "least", "1", "average",
                "3", "now", "3"));
        assertThat(saved.respondent()).isEqualTo(Respondent.PARTICIPANT);
        assertThat(saved.identifiedBy()).isEqualTo(SignInWay.LINK_AND_SMS_CODE);

        // The checks' reads stand in for her own form only, never for another participant's.
        Her other = trial.enrolledSixWeeksAgo(accounts, participants, "CONTROL");
        ClinicalForm notHers = ClinicalForm.instrument(trial.studyId(), other.participantId(), "week_6", "bpi_sf");
        assertThatThrownBy(() -> trial.asHer(her, SignInWay.LINK_AND_SMS_CODE, () -> {
            rules.check(notHers, Map.of("worst", "9"));
            return null;
        })).isInstanceOf(org.researchportal.base.NotFoundException.class);
    }

    @Autowired
    ClinicalDataRules rules;

    @Test
    void aSoftCheckFiredByHerAnswersSavesAndOpensAQueryForTheClinicianWhichTheClinicianCorrects() {
        as(PortalRole.MONITOR, () -> checks.add(trial.studyId(), new CheckDefinition("bpi_worst_ten",
                FormKind.INSTRUMENT, "bpi_sf", "worst", "[worst] = 10", CheckSeverity.SOFT,
                "Worst pain 10: please confirm with the participant.", "最严重疼痛为10：请与参与者确认。", true)));

        trial.answersBpi(assessments, her, Map.of("worst", "10", "least", "2", "average", "5", "now", "4"));

        DataPoint point = ClinicalForm.instrument(trial.studyId(), her.participantId(), "week_6", "bpi_sf").item(
                "worst");
        DataQueryRecord query = as(PortalRole.CLINICIAN, () -> queries.onPoint(point)).stream()
                .filter(q -> "bpi_worst_ten".equals(q.checkCode())).findFirst().orElseThrow();
        assertThat(query.assignee()).isEqualTo(PortalRole.CLINICIAN);
        assertThat(query.state()).isEqualTo(QueryState.OPEN);
        assertThat(query.value()).isEqualTo("10");
        assertThat(query.thread().getFirst().by()).isEqualTo("system:edit-check");
        // She sees nothing of it: no query service answers the participant.
        assertThatThrownBy(() -> trial.asHer(her, SignInWay.LINK_AND_SMS_CODE, () -> queries.onPoint(point)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trial.asHer(her, SignInWay.LINK_AND_SMS_CODE, () -> queries.ofParticipant(her
                .participantId()))).isInstanceOf(AccessDeniedException.class);

        // The site asked her; the clinician corrects through the assessment's own correction.
        as(PortalRole.CLINICIAN, () -> queries.answerWithCorrection(query.id(), "8",
                "Participant confirmed by phone: worst was 8"));
        AssessmentRecord corrected = as(PortalRole.CLINICIAN, () -> assessments.find(her.participantId(), "week_6",
                "bpi_sf")).orElseThrow();
        assertThat(corrected.answers()).containsEntry("worst", "8");
        assertThat(corrected.respondent()).isEqualTo(Respondent.PARTICIPANT);
    }

    private <T> T as(PortalRole role, Supplier<T> work) {
        return trial.as(role, work);
    }
}
