package org.researchportal.reporting.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.OwnAnswersFixture;
import org.researchportal.assessments.OwnAnswersFixture.Her;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/**
 * A QuestionnaireResponse the participant answered herself names her Patient (by study number) as its author and
 * source; one the assessor entered from her paper form keeps the assessor as author. Both are valid R4.
 */
class OwnAnswersFhirTests extends PortalTest {

    @Autowired
    FhirResources resources;
    @Autowired
    AssessmentService assessments;
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
    void herOwnAnswersAreAuthoredByHerPatientAndAPaperFormsByTheAssessor() {
        OwnAnswersFixture trial = OwnAnswersFixture.create(tenants, studies, randomisation);
        Her her = trial.enrolledSixWeeksAgo(accounts, participants, "EXERCISE");
        trial.answersBpi(assessments, her, Map.of("worst", "6", "least", "2", "average", "4", "now", "3"));
        trial.as(PortalRole.ASSESSOR, () -> assessments.record(her.participantId(), "week_6", "stiffness",
                OwnAnswersFixture.today(), Map.of("stiffness", "4", "morning_minutes", "20"), null));

        trial.as(PortalRole.ASSESSOR, () -> {
            resources.questionnaires().forEach(q -> FhirValidation.know(q.toString()));
            ObjectNode bpi = response(resources, her, "bpi_sf");
            assertThat(bpi.path("author").path("type").asString()).isEqualTo("Patient");
            assertThat(bpi.path("author").path("identifier").path("value").asString()).isEqualTo(her.studyNumber());
            assertThat(bpi.path("source")).isEqualTo(bpi.path("author"));
            assertThat(FhirValidation.problems(bpi.toString())).isEmpty();

            ObjectNode stiffness = response(resources, her, "stiffness");
            assertThat(stiffness.path("author").path("type").asString()).isEqualTo("Practitioner");
            assertThat(stiffness.has("source")).isFalse();
            assertThat(FhirValidation.problems(stiffness.toString())).isEmpty();
            return null;
        });
    }

    private static ObjectNode response(FhirResources resources, Her her, String instrument) {
        return resources.responses(her.participantId(), null).stream().filter(r -> r.path("questionnaire")
                .asString().contains("/" + instrument + "|")).findFirst().orElseThrow();
    }
}
