package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.Respondent;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalDataRules;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The study's edit checks on the answers a participant gives herself (RE-MS's BPI at week 6, her window open today): a
 * hard check refuses her submit at the item with its message and writes nothing, also when it compares with another
 * timepoint (read with her own authority, of her own record); a soft one saves and opens a query for the site's
 * clinician, which she cannot read, and which the clinician answers with a correction.
 */
class ParticipantAnswerChecksTests extends PortalTest {

    private static final String TENANT = "fudan";

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

    private String study() {
        return as(PortalRole.MONITOR, () -> studies.studies().getFirst().id());
    }

    /** A participant of RE-MS with a portal account, enrolled 42 days ago: week 6's questionnaires are open. */
    private record Her(String participantId, String accountId) {}

    private Her enrolledSixWeeksAgo() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String account = as(PortalRole.TENANT_ADMIN, () -> accounts.create(new NewAccount(TENANT + ".epro-" + tag,
                "ePRO " + tag, null, "en", Set.of(PortalRole.PARTICIPANT), PASSWORD)).id());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String id = as(PortalRole.CLINICIAN, () -> participants.importRecord(new ParticipantImport(study(),
                "SCR-EPRO-" + tag, "EPRO-" + tag, "ePRO " + tag, ParticipantStatus.ENROLLED, "EXERCISE", today
                        .minusDays(50), today.minusDays(42), null, null, null, "en", "Asia/Shanghai", null, null,
                null, account)));
        return new Her(id, account);
    }

    private int bpiVersion(Her her) {
        return as(PortalRole.CLINICIAN, () -> assessments.entry(her.participantId(), "week_6", "bpi_sf")
                .orElseThrow().version());
    }

    @Test
    void aHardCheckRefusesHerSubmitAtTheItemWithItsMessageAndNothingIsWritten() {
        Her her = enrolledSixWeeksAgo();
        int version = bpiVersion(her);

        assertThatThrownBy(() -> asHer(her, () -> assessments.answerOwn("week_6", "bpi_sf", version, Map.of(
                "worst", "2", "least", "5", "average", "3", "now", "3"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
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
     * under her own authority: a participant may not read the assessor's services, only her own record.
     */
    @Test
    void aHardCheckComparingWithHerBaselineReadsItUnderHerOwnAuthority() {
        Her her = enrolledSixWeeksAgo();
        LocalDate enrolled = LocalDate.now(ZoneOffset.UTC).minusDays(42);
        as(PortalRole.ASSESSOR, () -> assessments.record(her.participantId(), "baseline", "bpi_sf", enrolled, Map.of(
                "worst", "2", "least", "1", "average", "1", "now", "1"), null));
        String check = as(PortalRole.MONITOR, () -> checks.add(study(), new CheckDefinition("bpi_worst_jumped",
                FormKind.INSTRUMENT, "bpi_sf", "worst", "[worst] > [baseline][worst] + 5", CheckSeverity.HARD,
                "Worst pain rose by more than 5 since the start: check it.", "最严重疼痛比基线高出5分以上：请核对。",
                true)));
        try {
            int version = bpiVersion(her);
            assertThatThrownBy(() -> asHer(her, () -> assessments.answerOwn("week_6", "bpi_sf", version, Map.of(
                    "worst", "9", "least", "1", "average", "3", "now", "3"))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.fieldMessageKeys()).containsEntry("item.worst", ClinicalDataRules.FAILED);
                        assertThat(e.arguments("item.worst")).containsExactly(
                                "Worst pain rose by more than 5 since the start: check it.", "最严重疼痛比基线高出5分以上：请核对。");
                    });
            AssessmentRecord saved = asHer(her, () -> assessments.answerOwn("week_6", "bpi_sf", version, Map.of(
                    "worst", "4", "least", "1", "average", "3", "now", "3")));
            assertThat(saved.respondent()).isEqualTo(Respondent.PARTICIPANT);
        } finally {
            as(PortalRole.MONITOR, () -> {
                checks.enable(check, false);
                return null;
            });
        }
    }

    @Test
    void aSoftCheckFiredByHerAnswersSavesAndOpensAQueryForTheClinicianWhichTheClinicianCorrects() {
        Her her = enrolledSixWeeksAgo();
        String check = as(PortalRole.MONITOR, () -> checks.add(study(), new CheckDefinition("bpi_worst_ten",
                FormKind.INSTRUMENT, "bpi_sf", "worst", "[worst] = 10", CheckSeverity.SOFT,
                "Worst pain 10: please confirm with the participant.", "最严重疼痛为10：请与参与者确认。", true)));
        try {
            int version = bpiVersion(her);
            asHer(her, () -> assessments.answerOwn("week_6", "bpi_sf", version, Map.of("worst", "10", "least",
                    "2", "average", "5", "now", "4")));

            DataPoint point = ClinicalForm.instrument(study(), her.participantId(), "week_6", "bpi_sf").item(
                    "worst");
            DataQueryRecord query = as(PortalRole.CLINICIAN, () -> queries.onPoint(point)).stream()
                    .filter(q -> "bpi_worst_ten".equals(q.checkCode())).findFirst().orElseThrow();
            assertThat(query.assignee()).isEqualTo(PortalRole.CLINICIAN);
            assertThat(query.state()).isEqualTo(QueryState.OPEN);
            assertThat(query.value()).isEqualTo("10");
            assertThat(query.thread().getFirst().by()).isEqualTo("system:edit-check");
            // She sees nothing of it: no query service answers the participant.
            assertThatThrownBy(() -> asHer(her, () -> queries.onPoint(point)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> asHer(her, () -> queries.ofParticipant(her.participantId())))
                    .isInstanceOf(AccessDeniedException.class);

            // The site asked her; the clinician corrects through the assessment's own correction.
            as(PortalRole.CLINICIAN, () -> queries.answerWithCorrection(query.id(), "8",
                    "Participant confirmed by phone: worst was 8"));
            AssessmentRecord corrected = as(PortalRole.CLINICIAN, () -> assessments.find(her.participantId(),
                    "week_6", "bpi_sf")).orElseThrow();
            assertThat(corrected.answers()).containsEntry("worst", "8");
            assertThat(corrected.respondent()).isEqualTo(Respondent.PARTICIPANT);
        } finally {
            as(PortalRole.MONITOR, () -> {
                checks.enable(check, false);
                return null;
            });
        }
    }

    private <T> T as(PortalRole role, Supplier<T> work) {
        return asSystem(TENANT, Set.of(role), work);
    }

    private static <T> T asHer(Her her, Supplier<T> work) {
        return SystemActor.callFor("test-participant", TENANT, her.accountId(), Set.of(PortalRole.PARTICIPANT),
                work);
    }
}
