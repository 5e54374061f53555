package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.quality.DataQueries;
import org.researchportal.quality.DataQueryRecord;
import org.researchportal.quality.QueryState;
import org.researchportal.quality.StudyLifecycle;
import org.researchportal.quality.StudyStage;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * The trial's system of record, on the screens: a monitor raises a query on a participant's BPI item, the clinician
 * (the study's principal investigator) answers it with a corrected value, the monitor closes it and verifies the forms,
 * the investigator signs the timepoint after re-entering the password, the monitor locks the study once nothing blocks
 * it, and a later change is refused. A study of its own, so that "nothing blocks" is reachable.
 */
class MonitorJourney extends BrowserJourney {

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
    AssessmentService assessments;
    @Autowired
    DataQueries queries;
    @Autowired
    StudyLifecycle lifecycle;

    @Test
    void aQueryIsAnsweredWithACorrectionClosedVerifiedSignedAndTheLockedStudyRefusesAChange() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns
                .reMsRandomisation(), 24);
        String study = trial.studyId();
        String monitor = trial.account(accounts, "monitor", "Mona Monitor", PortalRole.MONITOR);
        String investigator = trial.account(accounts, "pi", "Dr Pat Investigator", PortalRole.CLINICIAN);
        asSystem(trial.tenantId(), Set.of(PortalRole.TENANT_ADMIN), () -> {
            studies.configureSchedule(study, List.of(new Timepoint("baseline", "Baseline", "基线", 0, 14, 3,
                    List.of("bpi_sf"), List.of())));
            String pi = accounts.accounts(Pageable.unpaged()).stream().filter(a -> a.username().equals(investigator))
                    .findFirst().orElseThrow().id();
            studies.appointPrincipalInvestigator(study, pi);
            return null;
        });
        String participant = trial.asClinician(() -> trial.randomised(screening, consent, randomisation,
                TrialFixture.candidate("Journey Person")));
        asSystem(trial.tenantId(), Set.of(PortalRole.ASSESSOR), () -> assessments.record(participant, "baseline",
                "bpi_sf", LocalDate.now(CurrentUser.require().zone()), Map.of("worst", "9", "least", "2", "average",
                        "4", "now", "3"), null));

        // The monitor questions the worst pain on the participant's data page, for the clinician to answer.
        signInAs(monitor);
        open("monitor/participant/" + participant);
        assertThat(page.locator("main").first().innerText()).doesNotContain("Exercise", "Control");
        page.locator("[data-item='worst'] vaadin-button").first().click();
        page.locator(".query-text textarea").fill("Worst pain 9 while the average is 4: please check the source.");
        page.locator("vaadin-select.query-assignee").click();
        page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(
                "Clinician")).first().click();
        page.locator(".query-raise-confirm").click();
        settle();
        DataQueryRecord raised = asSystem(trial.tenantId(), Set.of(PortalRole.MONITOR), () -> queries
                .ofParticipant(participant)).getFirst();
        assertThat(raised.assignee()).isEqualTo(PortalRole.CLINICIAN);
        assertThat(raised.value()).isEqualTo("9");

        // The clinician answers with the value in the source, through the link the email carries.
        signInAs(investigator);
        open("queries/" + raised.id());
        page.locator(".query-answer textarea").fill("The source says 6; entered as 9 by mistake.");
        page.locator(".query-corrected-value input").fill("6");
        page.locator(".query-answer-correction").click();
        settle();
        assertThat(asSystem(trial.tenantId(), Set.of(PortalRole.MONITOR), () -> assessments.find(participant,
                "baseline", "bpi_sf")).orElseThrow().answers()).containsEntry("worst", "6");

        // The monitor closes it and verifies every form the plan requires.
        signInAs(monitor);
        open("queries/" + raised.id());
        page.locator(".query-note textarea").fill("Matches the source now.");
        page.locator(".query-close").click();
        settle();
        assertThat(asSystem(trial.tenantId(), Set.of(PortalRole.MONITOR), () -> queries.query(raised.id()))
                .orElseThrow().state()).isEqualTo(QueryState.CLOSED);
        open("monitor/participant/" + participant);
        var verify = page.locator(".form-quality-mark vaadin-button").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("Verify"));
        while (verify.count() > 0) {
            verify.first().click();
            settle();
        }
        assertThat(page.getByText("Verified by Mona Monitor").first()).isVisible();

        // The investigator signs the baseline on the participant's record, re-entering the password.
        signInAs(investigator);
        open("participants/" + participant);
        page.locator(".signature-sign").first().click();
        // The first signing of a session asks for the username as well as the password (21 CFR 11.200).
        page.getByLabel("Your username").fill(investigator);
        page.locator(".sign-dialog input[type='password']").fill("wrong-password");
        page.locator(".sign-confirm").click();
        settle();
        assertThat(page.getByText("Wrong password").first()).isVisible();
        page.locator(".sign-dialog input[type='password']").fill(PASSWORD);
        page.locator(".sign-confirm").click();
        settle();
        assertThat(page.getByText("Signed by Dr Pat Investigator on").first()).isVisible();
        assertThat(page.getByText("Baseline: Brief Pain Inventory").first()).isVisible();

        // With nothing left to block it, the monitor locks the study's database.
        signInAs(monitor);
        open("database-lock");
        assertThat(page.getByText("Nothing blocks the lock.").first()).isVisible();
        page.getByLabel("Reason").first().fill("Last participant's last visit verified and signed");
        page.locator("vaadin-button").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(
                "Lock the database")).first().click();
        settle();
        assertThat(page.getByText("Stage: Locked").first()).isVisible();
        assertThat(asSystem(trial.tenantId(), Set.of(PortalRole.MONITOR), () -> lifecycle.life(study)).stage())
                .isEqualTo(StudyStage.LOCKED);

        // A later change is refused in the service, whoever asks.
        assertThatThrownBy(() -> asSystem(trial.tenantId(), Set.of(PortalRole.ASSESSOR), () -> assessments.record(
                participant, "baseline", "bpi_sf", LocalDate.now(CurrentUser.require().zone()), Map.of("worst", "5",
                        "least", "2", "average", "4", "now", "3"), "Late change"))).isInstanceOfSatisfying(
                                ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsEntry(
                                        "record", "study.locked"));
    }
}
