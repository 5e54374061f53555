package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A therapist finds a newly allocated participant of the exercise arm in their caseload and prescribes the home
 * programme: a missing reason is refused at its field, then the programme is there with its exercises and days.
 */
class TherapistJourney extends BrowserJourney {

    @Autowired
    ParticipantService participants;
    @Autowired
    AccountService accounts;
    @Autowired
    StudyService studies;

    @Test
    void aTherapistPrescribesAProgramme() {
        // A participant allocated to the exercise arm and assigned to the demo therapist, brought in as a record.
        asSystem("fudan", EnumSet.of(PortalRole.CLINICIAN), () -> {
            String therapist = accounts.accountsWithRole(PortalRole.THERAPIST).stream()
                    .filter(a -> a.username().equals("fudan.therapist")).findFirst().orElseThrow().id();
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            return participants.importRecord(new ParticipantImport(studies.studies().getFirst().id(), "S-J01",
                    "RE-MS-J01", "Journey Newcomer", ParticipantStatus.ENROLLED, "EXERCISE", today.minusDays(5),
                    today.minusDays(1), null, "+86 139 1234 5678", null, "en", "Asia/Shanghai", null, therapist, null,
                    null));
        });

        signInAs("fudan.therapist");
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Journey Newcomer"));
        assertThat(row).isVisible();
        page.locator("a[href^='programme/']").filter(new Locator.FilterOptions().setHasText("Open")).last().click();
        page.waitForURL(Pattern.compile(".*/programme/[0-9a-f]+$"));
        assertThat(page.getByText("Journey Newcomer").first()).isVisible();

        Locator prescribe = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                "Prescribe a programme").setExact(true));
        prescribe.click();
        settle();
        assertThat(page.getByText("Give a reason for changing data already entered").first()).isVisible();

        page.getByLabel("Reason").first().fill("Randomised to the exercise arm yesterday");
        prescribe.click();
        settle();
        assertThat(prescribe).hasCount(0);
        assertThat(page.getByText("Forward arm raise").first()).isVisible();
        assertThat(page.getByText(Pattern.compile("Mon.*Wed.*Fri")).first()).isVisible();
    }
}
