package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventReport.Action;
import org.researchportal.assessments.AdverseEventReport.Outcome;
import org.researchportal.assessments.AdverseEventReport.Relatedness;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalDataRules;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A study's edit checks at save and over the saved data, on the demo's RE-MS study (whose standard checks the demo
 * adds as its administrator would).
 */
@RecordApplicationEvents
class EditChecksTests extends PortalTest {

    private static final Map<String, String> GRIP_APART = Map.of("right_1", "20", "right_2", "12", "right_3", "21",
            "left_1", "19", "left_2", "19.5", "left_3", "19");

    @Autowired
    EditChecks checks;
    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;
    @Autowired
    ApplicationEvents events;
    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    ParticipantService participants;
    @Autowired
    I18NProvider translations;

    private String study() {
        return studies.studies().getFirst().id();
    }

    /** A participant's timepoint with no entry of this instrument yet, today inside its window when one is. */
    private DueAssessment unrecorded(String instrument, String timepoint) {
        return assessments.worklist(study()).stream().filter(d -> d.timepoint().equals(timepoint))
                .filter(d -> assessments.find(d.participantId(), timepoint, instrument).isEmpty()).findFirst()
                .orElseThrow();
    }

    @Test
    void theDemoStudyHasTheStandardChecks() {
        signIn("fudan.monitor");
        assertThat(checks.checks(study())).extracting(r -> r.definition().code()).contains("bpi_worst_below_least",
                "grip_right_trials_apart", "grip_left_trials_apart", "ai_stopped_without_date",
                "ae_resolved_before_onset", "outside_window_bpi_sf", "outside_window_grip");
        assertThat(checks.addStandard(study())).isZero();
    }

    @Test
    void aHardCheckRefusesTheSaveAtTheItemAndNothingIsWritten() {
        signIn("fudan.assessor");
        DueAssessment due = unrecorded("bpi_sf", "week_12");
        assertThatThrownBy(() -> assessments.record(due.participantId(), "week_12", "bpi_sf", LocalDate.now(), Map.of(
                "worst", "2", "least", "5", "average", "3", "now", "3"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldMessageKeys()).containsExactly(Map.entry("item.worst",
                            ClinicalDataRules.FAILED));
                    assertThat(e.arguments("item.worst")).containsExactly(
                            "Worst pain is below least pain: check both answers.", "最严重疼痛低于最轻疼痛：请核对这两项。");
                });
        assertThat(assessments.find(due.participantId(), "week_12", "bpi_sf")).isEmpty();
        assertThat(events.stream(EditCheckFailed.class)).isEmpty();
    }

    @Test
    void aSoftCheckSavesAndTellsOfItsFailure() {
        signIn("fudan.assessor");
        DueAssessment due = unrecorded("grip", "week_6");
        assessments.record(due.participantId(), "week_6", "grip", LocalDate.now(), GRIP_APART, null);

        assertThat(assessments.find(due.participantId(), "week_6", "grip")).isPresent();
        assertThat(events.stream(EditCheckFailed.class)).anySatisfy(e -> {
            assertThat(e.checkCode()).isEqualTo("grip_right_trials_apart");
            assertThat(e.tenantId()).isEqualTo("fudan");
            assertThat(e.point().form().participantId()).isEqualTo(due.participantId());
            assertThat(e.point().form().occasion()).isEqualTo("week_6");
            assertThat(e.point().item()).isEqualTo("right_3");
            assertThat(e.messageZh()).isEqualTo("右手三次测量相差超过30%。");
        }).noneSatisfy(e -> assertThat(e.checkCode()).isEqualTo("grip_left_trials_apart"));
    }

    @Test
    void anExpressionNamingAMissingItemIsRefusedAtTheExpressionWithWhere() {
        signIn("fudan.monitor");
        assertThatThrownBy(() -> checks.add(study(), new CheckDefinition("worst_typo", FormKind.INSTRUMENT, "bpi_sf",
                "worst", "[worst] < [leest]", CheckSeverity.SOFT, "Typo", "错字", true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldMessageKeys()).containsExactly(Map.entry("expression",
                            "edit-check.expression.unknown-field"));
                    assertThat(e.arguments("expression")).containsExactly("leest", 11);
                });
        assertThatThrownBy(() -> checks.add(study(), new CheckDefinition("bad", FormKind.ADVERSE_EVENT,
                "adverse_event", "relatedness", "[grade] > (3", null, "", "", true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsOnlyKeys("item", "expression", "severity", "messageEn", "messageZh"));
        assertThat(checks.checks(study())).noneMatch(r -> r.definition().code().equals("worst_typo"));
    }

    /**
     * A hard check that compares with the baseline reads the baseline through the assessment service with the
     * assessor's own authority.
     */
    @Test
    void aHardCheckReadsAnotherTimepointWithTheWritersAuthority() {
        signIn("fudan.monitor");
        String baselined = assessments.worklist(study()).stream().filter(d -> d.timepoint().equals("baseline"))
                .filter(d -> assessments.find(d.participantId(), "baseline", "grip").isPresent())
                .filter(d -> assessments.find(d.participantId(), "week_12", "grip").isEmpty()).findFirst()
                .orElseThrow().participantId();
        String id = checks.add(study(), new CheckDefinition("grip_doubled", FormKind.INSTRUMENT, "grip", "right_1",
                "[right_1] > 2 * [baseline][right_1]", CheckSeverity.HARD, "More than twice the baseline.",
                "超过基线的两倍。", true));
        try {
            signIn("fudan.assessor");
            Map<String, String> doubled = Map.of("right_1", "50", "right_2", "45", "right_3", "48");
            assertThatThrownBy(() -> assessments.record(baselined, "week_12", "grip", LocalDate.now(), doubled,
                    null)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                            .containsEntry("item.right_1", ClinicalDataRules.FAILED));
            assessments.record(baselined, "week_12", "grip", LocalDate.now(), Map.of("right_1", "23", "right_2",
                    "22", "right_3", "22"), null);
            assertThat(assessments.find(baselined, "week_12", "grip")).isPresent();
        } finally {
            signIn("fudan.monitor");
            checks.enable(id, false);
        }
    }

    @Test
    void runAllReportsEachFailingValueAndOnlyToTheMonitorAndTheAdministrator() {
        signIn("fudan.assessor");
        DueAssessment due = unrecorded("grip", "week_12");
        assessments.record(due.participantId(), "week_12", "grip", LocalDate.now(), GRIP_APART, null);

        signIn("fudan.monitor");
        assertThat(checks.runAll(study())).anySatisfy(f -> {
            assertThat(f.participantId()).isEqualTo(due.participantId());
            assertThat(f.studyNumber()).isEqualTo(due.studyNumber());
            assertThat(f.kind()).isEqualTo(FormKind.INSTRUMENT);
            assertThat(f.form()).isEqualTo("grip");
            assertThat(f.occasion()).isEqualTo("week_12");
            assertThat(f.item()).isEqualTo("right_3");
            assertThat(f.value()).isEqualTo("21");
            assertThat(f.checkCode()).isEqualTo("grip_right_trials_apart");
            assertThat(f.messageEn()).isEqualTo("The right hand's trials are more than 30% apart.");
        });
        // The demo's own baselines are within their windows and consistent.
        assertThat(checks.runAll(study())).noneMatch(f -> f.occasion().equals("baseline"));

        signIn("fudan.admin");
        String csv = checks.runAllCsv(study());
        assertThat(csv).startsWith("study_number,participant_id,form_kind,form,occasion,item,value,check,severity,"
                + "message_en,message_zh").contains(due.participantId() + ",instrument,grip,week_12,right_3,21,"
                        + "grip_right_trials_apart,SOFT,The right hand's trials are more than 30% apart.,右手三次测量相差超过30%。");

        signIn("fudan.clinician");
        assertThatThrownBy(() -> checks.runAll(study())).isInstanceOf(AccessDeniedException.class);
    }

    /** An adverse event's check names its fields as expressions write them, and refuses at the form's field. */
    @Test
    void aHardCheckOnAnAdverseEventRefusesTheReportAtItsField() {
        signIn("fudan.monitor");
        String id = checks.add(study(), new CheckDefinition("ae_severe_without_site", FormKind.ADVERSE_EVENT,
                "adverse_event", "body_site", "[grade] >= 3 and [body_site] = ''", CheckSeverity.HARD,
                "A grade 3 or higher event needs its body site.", "3级及以上事件须填写部位。", true));
        try {
            signIn("fudan.clinician");
            String participant = participants.participants(study(), Pageable.unpaged()).stream()
                    .filter(p -> p.status() == ParticipantStatus.ENROLLED).findFirst().orElseThrow().id();
            int before = adverseEvents.ofParticipant(participant).size();
            assertThatThrownBy(() -> adverseEvents.report(participant, new AdverseEventReport(LocalDate.now()
                    .minusDays(1), "Fall", null, 3, false, Relatedness.UNLIKELY, Action.NONE, Outcome.ONGOING, null)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                            .containsExactly(Map.entry("bodySite", ClinicalDataRules.FAILED)));
            assertThat(adverseEvents.ofParticipant(participant)).hasSize(before);
        } finally {
            signIn("fudan.monitor");
            checks.enable(id, false);
        }
    }

    /** A refusal's message is study data in two languages: each reader sees their own, apostrophes as written. */
    @Test
    void aFailedChecksMessageIsShownInTheReadersLanguage() {
        Object[] messages = {"The right hand's trials are more than 30% apart.", "右手三次测量相差超过30%。"};
        assertThat(translations.getTranslation(ClinicalDataRules.FAILED, PortalLocales.ENGLISH, messages))
                .isEqualTo("The right hand's trials are more than 30% apart.");
        assertThat(translations.getTranslation(ClinicalDataRules.FAILED, PortalLocales.SIMPLIFIED_CHINESE, messages))
                .isEqualTo("右手三次测量相差超过30%。");
    }
}
