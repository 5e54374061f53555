package org.researchportal.quality.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.followup.CallAnswers;
import org.researchportal.followup.CallEntry;
import org.researchportal.followup.CallOutcome;
import org.researchportal.followup.CallRecords;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.FollowUpCall;
import org.researchportal.followup.FollowUpPlans;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The participant data page: every form of a participant with each field's label and value, in the reader's
 * language. A monitor reads it blinded (no arm, nothing of an adverse event that tells it); the investigator reads it
 * whole.
 */
class ParticipantDataUiTests extends UiTest {

    private static final String DESCRIPTION = "Knee swelling after the squats";

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
    AssessmentService assessments;
    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    MissedVisits missedVisits;
    @Autowired
    AccountService accounts;
    @Autowired
    FollowUpPlans plans;
    @Autowired
    CallWorklist worklist;
    @Autowired
    CallRecords calls;

    private TrialFixture trial;
    private String participantId;

    /** A randomised participant with eligibility, consent, a BPI at baseline and an adverse event of the programme. */
    @BeforeEach
    void aParticipantWithEveryKindOfForm() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        asSystem(trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> {
            studies.configureSchedule(trial.studyId(), List.of(new Timepoint("baseline", "Baseline", "基线", 0, 14,
                    3, List.of("bpi_sf")), new Timepoint("week_6", "Week 6", "第6周", 42, 7, 7, List.of("bpi_sf"))));
            return null;
        });
        trial.planCalls(plans);
        participantId = trial.asClinician(() -> trial.randomised(screening, consent, randomisation,
                TrialFixture.candidate("Data Page Test")));
        asSystem(trial.tenantId(), EnumSet.of(PortalRole.ASSESSOR), () -> assessments.record(participantId,
                "baseline", "bpi_sf", LocalDate.now(), Map.of("worst", "7", "least", "2", "average", "4", "now",
                        "3"), null));
        asSystem(trial.tenantId(), EnumSet.of(PortalRole.ASSESSOR), () -> missedVisits.recordMissed(participantId,
                "week_6", MissedVisitRecord.Kind.MISSED, "Admitted to hospital that week"));
        trial.asClinician(() -> adverseEvents.report(participantId, new AdverseEventReport(LocalDate.now(),
                DESCRIPTION, "Left knee", 2, false, AdverseEventReport.Relatedness.PROBABLE,
                AdverseEventReport.Action.PROGRAMME_ADJUSTED, AdverseEventReport.Outcome.ONGOING, null)));
    }

    private String person(String language, PortalRole role) {
        String username = "data-" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(
                username, "Reader " + username, null, language, Set.of(role), PASSWORD)));
        return username;
    }

    @Test
    void aMonitorReadsEveryFormWithItsLabelsAndNothingThatTellsTheArm() {
        signInToUi(person("en", PortalRole.MONITOR));
        UI.getCurrent().navigate("monitor/participant/" + participantId);
        String page = viewText();
        assertThat(page).contains("Data Page Test", "Eligibility", "BPI worst pain in the last 24 hours (0-10)",
                "Hormone receptor-positive breast cancer, stage I-III", "Verdict", "Eligible",
                "Consent", "Consent document version", "Consent form v2.1", "Agrees to be contacted by SMS",
                "Brief Pain Inventory (short form) · Baseline", "Version 1 of the instrument",
                "Worst pain in the last 24 hours", "7", "Least pain in the last 24 hours", "Assessed on",
                "Visit not assessed · Week 6", "Missed (the participant did not attend)",
                "Admitted to hospital that week", "Adverse event · onset", "CTCAE grade", "2 · Moderate", "Serious",
                "Ongoing");
        assertThat(List.of(page.indexOf("Verdict"), page.indexOf("Consent document version"),
                page.indexOf("Brief Pain Inventory (short form) · Baseline"), page.indexOf("Visit not assessed"),
                page.indexOf("Adverse event · onset"))).as("in the order of the trial").isSorted();
        assertThat(page).as("no arm, nor what an adverse event's description, site, relatedness or action tell")
                .doesNotContain("EXERCISE", "CONTROL", "Exercise", "Control", DESCRIPTION, "Left knee",
                        "Related to the exercise programme", "Probably", "Action taken", "Programme adjusted");
    }

    @Test
    void aChineseReaderReadsTheLabelsInChinese() {
        signInToUi(person("zh-CN", PortalRole.MONITOR));
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("monitor/participant/" + participantId);
        String page = viewText();
        assertThat(page).contains("简明疼痛量表（简表） · 基线", "过去24小时最严重的疼痛", "过去24小时最轻的疼痛", "知情同意书版本",
                "判定结果", "符合入选条件", "CTCAE 分级");
        assertThat(page).doesNotContain("Worst pain in the last 24 hours", "Consent document version", "运动组",
                "对照组", DESCRIPTION);
    }

    @Test
    void theInvestigatorReadsTheWholeAdverseEvent() {
        signInToUi(person("en", PortalRole.CLINICIAN));
        UI.getCurrent().navigate("participants/" + participantId);
        RouterLink toData = _get(RouterLink.class, spec -> spec.withText(
                "Open every form of this participant, as the monitor and the investigator read them"));
        UI.getCurrent().navigate(toData.getHref());
        assertThat(currentPath()).isEqualTo("monitor/participant/" + participantId);
        assertThat(viewText()).contains("Brief Pain Inventory (short form) · Baseline", "Consent form v2.1",
                DESCRIPTION, "Left knee", "Related to the exercise programme", "Probably", "Programme adjusted");
    }

    /** Calls are planned per arm: that a participant has any tells the arm, so only the investigator reads them. */
    @Test
    void onlyTheInvestigatorReadsTheFollowUpCalls() {
        FollowUpCall call = trial.asClinician(() -> worklist.callsOf(participantId)).getFirst();
        trial.asCoordinator(() -> calls.recordAttempt(call.requireId(), new CallEntry(CallOutcome.COMPLETED,
                new CallAnswers(null, null, Set.of(), null, 6, null, null, null, Set.of(), false, null), null, null,
                call.getVersion())));

        signInToUi(person("en", PortalRole.CLINICIAN));
        UI.getCurrent().navigate("monitor/participant/" + participantId);
        assertThat(viewText()).contains("Call 1", "Joint pain in the last week (0-10)");

        signInToUi(person("en", PortalRole.MONITOR));
        UI.getCurrent().navigate("monitor/participant/" + participantId);
        assertThat(viewText()).contains("Brief Pain Inventory (short form)").doesNotContain("Call 1",
                "Joint pain in the last week (0-10)");
    }

    @Test
    void anotherTenantsParticipantIsNotFound() {
        signInToUi("fudan.monitor");
        UI.getCurrent().navigate("monitor/participant/" + participantId);
        assertThat(viewText()).doesNotContain("Data Page Test", "Brief Pain Inventory");
    }
}
