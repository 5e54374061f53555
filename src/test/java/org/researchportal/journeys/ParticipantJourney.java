package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.researchportal.base.security.PortalRole;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.messaging.ReminderPlanner;
import org.researchportal.messaging.SentText;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A participant on a 390 px phone opens the signed link of a reminder, as the SMS brings it to her phone, lands signed
 * in on their page, plays the exercise video and seeks in it, logs a session and sees it in their history.
 */
class ParticipantJourney extends BrowserJourney {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+/l/[A-Za-z0-9_-]{43}");

    @Autowired
    ReminderPlanner planner;
    @Autowired
    Outbox outbox;

    @Test
    void aParticipantFollowsAReminderLinkWatchesTheVideoAndLogsASession() {
        // What the scheduled planning does every few hours (it is off in tests).
        asSystem("fudan", EnumSet.of(PortalRole.COORDINATOR), () -> planner.planSessionReminders(7));

        // The developer outbox shows the reminder with its link masked; the phone receives it whole.
        signInAs("fudan.admin");
        open("messages");
        Locator reminder = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("Hello Zhang Demo, a reminder from your study team"))).first();
        assertThat(reminder.innerText()).as("staff see the link masked").contains("/l/•••");
        OutboxMessage sms = asSystem("fudan", EnumSet.of(PortalRole.COORDINATOR), () -> outbox.latest(500)).stream()
                .filter(m -> SentText.of(m).startsWith("Hello Zhang Demo, a reminder from your study team"))
                .findFirst().orElseThrow();
        Matcher link = LINK.matcher(SentText.of(sms));
        assertThat(link.find()).as("the reminder carries a signed link").isTrue();
        String path = link.group().replaceFirst("^https?://[^/]+/", "");

        BrowserContext phone = newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setLocale("en-GB"));
        try {
            Page mobile = phone.newPage();
            mobile.navigate(url(path));
            mobile.waitForURL(Pattern.compile(".*/my-study$"));
            assertThat(mobile.getByText("Welcome, Zhang Demo")).isVisible();

            mobile.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("exercise",
                    Pattern.CASE_INSENSITIVE))).first().click();
            mobile.waitForURL(Pattern.compile(".*/my-exercises$"));
            mobile.getByText("Forward arm raise").first().click();
            Locator video = mobile.locator("video.exercise-video");
            video.waitFor();
            Object played = video.evaluate("v => new Promise((done, failed) => { v.muted = true;"
                    + " v.addEventListener('seeked', () => done(v.currentTime), {once: true});"
                    + " v.addEventListener('error', () => failed(String(v.error && v.error.code)), {once: true});"
                    + " v.play().then(() => { v.currentTime = 2; }, failed); })");
            assertThat(((Number) played).doubleValue()).as("played and sought to 2 s").isBetween(1.5, 2.5);

            mobile.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log a session")).click();
            mobile.getByLabel("Minutes").fill("35");
            mobile.getByLabel("How hard was it? (0-10)").fill("4");
            mobile.getByLabel("Joint pain before (0-10)").fill("2");
            mobile.getByLabel("Joint pain after (0-10)").fill("2");
            mobile.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            settle(mobile);
            assertThat(mobile.getByText("You have logged a session today.")).isVisible();
            assertThat(mobile.getByText("35 min").first()).isVisible();
            assertThat((Number) mobile.evaluate("document.documentElement.scrollWidth")).as("nothing wider than "
                    + "the phone").matches(width -> width.intValue() <= 390);
        } finally {
            phone.close();
        }
    }
}
