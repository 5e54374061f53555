package org.researchportal.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventReport.Action;
import org.researchportal.assessments.AdverseEventReport.Outcome;
import org.researchportal.assessments.AdverseEventReport.Relatedness;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.AnalysedParticipant;
import org.researchportal.participants.AnalysedParticipants;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/** The safety section on the statistics page: it renders its figures, chart and downloads; blinded roles never. */
class SafetySectionUiTests extends UiTest {

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
    AccountService accounts;
    @Autowired
    AnalysedParticipants analysed;
    @Autowired
    AdverseEventService adverseEvents;

    private TrialFixture trial;
    private AnalysedParticipant withEvent;

    @BeforeEach
    void trialWithASeriousEvent() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        for (int i = 0; i < 4; i++) {
            String name = "Section " + i;
            trial.asClinician(() -> trial.randomised(screening, consent, randomisation, TrialFixture.candidate(
                    name)));
        }
        withEvent = trial.asClinician(() -> analysed.randomised(trial.studyId())).getFirst();
        trial.doAsClinician(() -> adverseEvents.report(withEvent.id(), new AdverseEventReport(LocalDate.now(ZoneId
                .of("Asia/Shanghai")), "Fracture after a fall", null, 3, true, Relatedness.PROBABLE, Action.NONE,
                Outcome.ONGOING, null)));
    }

    private String account(String language, PortalRole role) {
        String username = "safety-" + UUID.randomUUID().toString().substring(0, 8);
        SystemActor.runAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> accounts.create(
                new NewAccount(username, "Safety Reader", null, language, Set.of(role), PASSWORD)));
        return username;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStatisticianSeesTheFiguresTheChartTheSeriousEventAndTheDownloads() {
        signInToUi(account("en", PortalRole.STATISTICIAN));
        UI.getCurrent().navigate("statistics");
        SafetyReportView view = _get(SafetyReportView.class);
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Safety by arm", "exact Poisson 95% interval", "Garwood 1936",
                "Serious adverse events, one by one");
        List<Grid<?>> grids = _find(view, Grid.class).stream().<Grid<?>>map(g -> g).toList();
        assertThat(grids).hasSize(3);
        assertThat(allCells(grids.get(1))).contains("Any adverse event", "Grade 3 · Severe", "Serious",
                "Related (possibly, probably or definitely)");
        assertThat(allCells(grids.get(2))).contains(withEvent.label(), "3 · Severe", "Probably", "Ongoing");
        assertThat(view.getElement().toString()).contains("<svg", "Adverse events by CTCAE grade, per arm");
        assertThat(_find(view, Anchor.class)).extracting(Anchor::getText).containsExactly(
                "Download the figures (CSV)", "Download the chart (SVG)",
                "Download the records behind the figures (CSV)");
        assertThat(view.figuresCsv()).startsWith("report_day,kind,arm,randomised,participant_days,events")
                .contains("Grade 3 · Severe");
        assertThat(view.sources()).anySatisfy(s -> {
            assertThat(s.participant()).isEqualTo(withEvent.label());
            assertThat(s.arm()).isEqualTo(withEvent.armCode());
            assertThat(s.value()).isEqualTo("grade 3, Serious, Probably, Ongoing");
        }).filteredOn(s -> s.figure().equals("Participant-days")).hasSize(4);
    }

    @Test
    void onAChineseScreenTheReportSpeaksChinese() {
        signInToUi(account("zh-CN", PortalRole.STATISTICIAN));
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("statistics");
        String text = _get(SafetyReportView.class).getElement().getTextRecursively();
        assertThat(text).contains("按组别的安全性", "严重不良事件逐条列表").doesNotContain("Safety", "Grade",
                "Serious", "Download");
    }

    @Test
    void blindedRolesCannotOpenIt() {
        for (PortalRole blinded : List.of(PortalRole.ASSESSOR, PortalRole.MONITOR)) {
            signInToUi(account("en", blinded));
            assertThatThrownBy(() -> UI.getCurrent().navigate("statistics")).as(blinded.name())
                    .hasMessageContaining("Access is denied");
        }
    }
}
