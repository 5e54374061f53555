package org.researchportal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.OwnAnswersFixture;
import org.researchportal.assessments.OwnAnswersFixture.Her;
import org.researchportal.assessments.Questionnaires;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The participant's own operations across tenants: a participant of another tenant, even one whose principal carries
 * the victim's account id (the only thing that names "her"), reads none of her questionnaires, her blinded row or her
 * study's questionnaire settings, and cannot answer for her; her week 6 stays unanswered. Her own tenant's principal
 * with the same id does read them (so the refusals are the tenant's, not a broken fixture).
 */
class ParticipantCrossTenantTests extends PortalTest {

    @Autowired
    Questionnaires questionnaires;
    @Autowired
    BlindedParticipants participantRows;
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
    void anotherTenantsParticipantWithHerAccountIdReadsNothingAndCannotAnswer() {
        OwnAnswersFixture victim = OwnAnswersFixture.create(tenants, studies, randomisation);
        Her her = victim.enrolledSixWeeksAgo(accounts, participants, "EXERCISE");
        OwnAnswersFixture attacker = OwnAnswersFixture.create(tenants, studies, randomisation);
        attacker.enrolledSixWeeksAgo(accounts, participants, "CONTROL");
        int version = victim.version(assessments, her, "week_6", "bpi_sf");

        assertThat(inTenant(victim.tenantId(), her, () -> questionnaires.mine())).isNotEmpty();
        assertThat(inTenant(victim.tenantId(), her, () -> participantRows.mine())).isPresent();

        assertThat(inTenant(attacker.tenantId(), her, () -> questionnaires.mine())).isEmpty();
        assertThat(inTenant(attacker.tenantId(), her, () -> participantRows.mine())).isEmpty();
        assertThatThrownBy(() -> inTenant(attacker.tenantId(), her, () -> studies.questionnaireSettings(victim
                .studyId()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inTenant(attacker.tenantId(), her, () -> assessments.answerOwn("week_6", "bpi_sf",
                version, Map.of("worst", "6", "least", "2", "average", "4", "now", "3"))))
                .isInstanceOf(NotFoundException.class);

        assertThat(victim.as(PortalRole.CLINICIAN, () -> assessments.find(her.participantId(), "week_6", "bpi_sf")))
                .isEmpty();
    }

    /** As a participant of a tenant whose principal names her account. */
    private static <T> T inTenant(String tenantId, Her her, java.util.function.Supplier<T> work) {
        return SystemActor.callFor("test-participant", tenantId, her.accountId(), EnumSet.of(PortalRole.PARTICIPANT),
                work);
    }
}
