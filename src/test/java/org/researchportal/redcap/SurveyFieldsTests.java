package org.researchportal.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.assessments.OwnAnswersFixture;
import org.researchportal.assessments.OwnAnswersFixture.Her;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * REDCap's survey fields, asked with {@code exportSurveyFields}: {@code redcap_survey_identifier} after the event and
 * each survey form's {@code <form>_timestamp} before its fields, set when the participant submitted it herself (as
 * REDCap sets it for a survey) and empty for a form staff entered; without the flag, neither. The blinded assessor's
 * export, so nothing of the arm.
 */
class SurveyFieldsTests extends PortalTest {

    @Autowired
    RedcapRecords records;
    @Autowired
    AssessmentService assessments;
    @Autowired
    InstrumentLibrary instruments;
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

    @Test
    void herSurveysTimestampIsWhenSheSubmittedAndAPaperFormsIsEmpty() {
        OwnAnswersFixture trial = OwnAnswersFixture.create(tenants, studies, randomisation);
        Her her = trial.enrolledSixWeeksAgo(accounts, participants, "EXERCISE");
        AssessmentRecord bpi = trial.answersBpi(assessments, her, Map.of("worst", "6", "least", "2", "average",
                "4", "now", "3"));
        trial.as(PortalRole.ASSESSOR, () -> assessments.record(her.participantId(), "week_6", "stiffness",
                OwnAnswersFixture.today(), Map.of("stiffness", "4", "morning_minutes", "20"), null));

        trial.as(PortalRole.ASSESSOR, () -> {
            RedcapProject project = RedcapProject.of(studies.studies().getFirst(), studies.schedule(trial
                    .studyId()), instruments::instrument);
            assertThat(project.surveys()).isTrue();
            var with = records.export(project, new RedcapRecords.Export(false, List.of(her.studyNumber()), List.of(),
                    List.of(), List.of(), false, false, false, true));
            List<String> columns = with.columns();
            assertThat(columns.subList(0, 4)).containsExactly("record_id", "redcap_event_name",
                    "redcap_survey_identifier", "bpi_sf_timestamp");
            assertThat(columns).contains("stiffness_timestamp", "qol_demo_timestamp").doesNotContain(
                    "grip_timestamp");
            assertThat(columns.indexOf("stiffness_timestamp")).isEqualTo(columns.indexOf("bpi_sf_complete") + 1);
            Map<String, String> week6 = with.rows().stream().filter(r -> r.get("redcap_event_name").startsWith(
                    "week_6")).findFirst().orElseThrow();
            assertThat(week6).containsEntry("bpi_sf_timestamp", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .format(bpi.recordedAt().atZone(CurrentUser.require().zone())))
                    .containsEntry("stiffness_timestamp", "").containsEntry("redcap_survey_identifier", "")
                    .containsEntry("bpi_sf_complete", "2");
            assertThat(week6.keySet()).noneMatch(k -> k.contains("arm"));

            var without = records.export(project, new RedcapRecords.Export(false, List.of(her.studyNumber()), List
                    .of(), List.of(), List.of(), false, false, false, false));
            assertThat(without.columns()).noneMatch(c -> c.endsWith("_timestamp") || c.equals(
                    "redcap_survey_identifier"));

            var eav = records.export(project, new RedcapRecords.Export(true, List.of(her.studyNumber()), List.of(),
                    List.of(), List.of(), false, false, false, true));
            assertThat(eav.rows()).anySatisfy(r -> assertThat(r).containsEntry("field_name", "bpi_sf_timestamp"))
                    .noneSatisfy(r -> assertThat(r).containsEntry("field_name", "stiffness_timestamp"));
            return null;
        });
    }
}
