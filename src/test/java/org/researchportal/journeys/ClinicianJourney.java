package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A clinician of the invented STRIDE-K study enters a candidate into the screening log, judges eligibility from the
 * study's own criteria, records consent and randomises, all on the one record, and sees the allocation.
 */
class ClinicianJourney extends BrowserJourney {

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void answer(String criterion, String choice) {
        page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName(criterion))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(choice).setExact(true)).check();
    }

    @Test
    void aClinicianScreensConsentsAndRandomisesACandidate() {
        signInAs("lakeside.clinician");
        open("screening");
        button("New candidate").click();
        page.getByLabel("Name").first().fill("Journey Walker");
        page.getByLabel("Phone").first().fill("+44 7911 123457");
        button("Add to the screening log").click();
        page.waitForURL(Pattern.compile(".*/participants/[0-9a-f]+$"));
        assertThat(page.getByText("Randomisation needs an eligible judgement")).isVisible();
        assertThat(page.getByText("+447911123457").first()).isVisible();

        Locator weeks = page.getByLabel("Weeks since knee replacement").first();
        weeks.fill("8");
        weeks.press("Tab");
        settle();
        answer("Primary total knee replacement", "Yes");
        answer("Unable to walk 10 metres unaided", "No");
        button("Record eligibility").click();
        settle();
        assertThat(button("Record consent")).isVisible();

        // Consent is explicit: untouched, it is refused; the version, the date and both contact answers are chosen.
        button("Record consent").click();
        settle();
        assertThat(page.getByText("Enter the date the consent form was signed.")).isVisible();
        page.getByLabel("Consent document version").first().click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile(
                "STRIDE-K consent form v\\d"))).first().click();
        // The calendar's own Today button picks the date, whatever format the field shows dates in.
        page.getByLabel("Date signed").first().click();
        button("Today").click();
        settle();
        answer("Agrees to be contacted by SMS", "Yes");
        answer("Agrees to be contacted by email", "No");
        button("Record consent").click();
        settle();
        assertThat(page.getByText(Pattern.compile("STRIDE-K consent form v\\d")).first()).isVisible();
        assertThat(button("Record consent")).hasCount(0);

        page.getByLabel("Age group").first().click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("65-plus")).click();
        button("Enrol and randomise").click();
        // Randomising is final, so it is confirmed in a dialog naming the candidate.
        assertThat(page.getByText(Pattern.compile("Enrol and randomise S-"))).isVisible();
        button("Yes, enrol and randomise").click();
        assertThat(page.getByText(Pattern.compile("Allocated to (Supervised walking|Usual care)")).first())
                .isVisible();
        assertThat(page.getByText(Pattern.compile("STRIDE-K-\\d+")).first()).isVisible();
    }
}
