package org.researchportal.participants.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AdverseEventDrafts;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.followup.CallEntry;
import org.researchportal.followup.CallOutcome;
import org.researchportal.followup.CallRecords;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.FollowUpPlans;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who did something reads as the person's name, not the username they sign in with: who took consent and randomised,
 * who reported an adverse event or raised a draft, who made a call, who raised a concern. Work no person did reads as
 * the portal, in the reader's language. Before, these screens printed usernames and "system:..." ids.
 */
class PeopleByNameUiTests extends UiTest {

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
    FollowUpPlans plans;
    @Autowired
    CallWorklist calls;
    @Autowired
    CallRecords records;
    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    AdverseEventDrafts adverseEventDrafts;

    @Test
    @SuppressWarnings("unchecked")
    void theRecordAndTheConcernsNameThePeopleNotTheirUsernames() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        trial.planCalls(plans);
        String clinician = trial.account(accounts, "clin", "Clara Clinician", PortalRole.CLINICIAN);
        String coordinator = trial.account(accounts, "coor", "Cora Coordinator", PortalRole.COORDINATOR);

        signInToUi(clinician);
        String id = trial.randomised(screening, consent, randomisation, TrialFixture.candidate("Nora Named",
                "+86 138 0000 0456", null));
        adverseEvents.report(id, new AdverseEventReport(LocalDate.now().minusDays(2), "Sore knee", "Knee", 1, false,
                AdverseEventReport.Relatedness.UNLIKELY, AdverseEventReport.Action.NONE,
                AdverseEventReport.Outcome.ONGOING, null));

        signInToUi(coordinator);
        var call = calls.callsOf(id).getFirst();
        records.recordAttempt(call.requireId(), new CallEntry(CallOutcome.WRONG_NUMBER, null, null, null,
                call.getVersion()));
        adverseEventDrafts.openDraft(id, "Twisted an ankle on a walk", LocalDate.now(), "call");
        // A draft no person raised (as the weekly check-in's does).
        SystemActor.runAs("check-in", trial.tenantId(), EnumSet.of(PortalRole.COORDINATOR),
                () -> adverseEventDrafts.openDraft(id, "Dizzy after the session", LocalDate.now(), "check-in"));

        signInToUi(clinician);
        UI.getCurrent().navigate("participants/" + id);
        assertThat(viewText()).contains("taken by Clara Clinician", "by Clara Clinician.",
                "recorded by Cora Coordinator", "recorded by the portal (automatic)")
                .doesNotContain(clinician, coordinator, "system:");
        assertThat(allCells((Grid<Object>) _get(Grid.class, spec -> spec.withClasses("adverse-events-grid"))))
                .contains("Clara Clinician").doesNotContain(clinician);
        assertThat(allCells((Grid<Object>) _get(Grid.class, spec -> spec.withClasses("audit-grid"))))
                .noneMatch(cell -> cell.contains(clinician) || cell.contains("system:"))
                .anyMatch(cell -> cell.startsWith("Clara Clinician "))
                .anyMatch(cell -> cell.startsWith("The portal (automatic) "));

        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("participants/" + id);
        assertThat(viewText()).contains("由 门户系统（自动） 记录", "由 Clara Clinician 见证签署")
                .doesNotContain("system:");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("clinician");
        List<String> dashboard = _find(Grid.class).stream().flatMap(g -> allCells((Grid<Object>) g).stream())
                .toList();
        assertThat(dashboard).as("the concerns' By column").contains("Cora Coordinator").doesNotContain(coordinator);
    }
}
