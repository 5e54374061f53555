package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.base.security.PortalRole;
import org.researchportal.exercise.ParticipantProgramme;
import org.researchportal.exercise.Prescriptions;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A participant logs a session with the keyboard alone, on a phone-sized screen: Tab to "Log a session", Enter, Tab
 * through the fields typing the numbers, Enter on Save, and the session is in their history.
 */
class KeyboardJourney extends BrowserJourney {

    @Autowired
    AccountService accounts;
    @Autowired
    ParticipantService participants;
    @Autowired
    Prescriptions prescriptions;
    @Autowired
    ParticipantProgramme ownProgramme;
    @Autowired
    StudyService studies;

    /** What the focused element is called, as a screen reader would read it (label, aria-label or text). */
    private String focused() {
        return (String) page.evaluate("() => { let e = document.activeElement;"
                + " while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }"
                + " if (!e) return ''; const byId = id => document.getElementById(id);"
                + " const labelled = (e.getAttribute('aria-labelledby') || '').split(' ').map(byId)"
                + ".filter(x => x).map(x => x.innerText).join(' ');"
                + " return (e.getAttribute('aria-label') || labelled || (e.labels && e.labels[0] && e.labels[0]"
                + ".innerText) || e.innerText || '').replace(/\\s+/g, ' ').trim(); }");
    }

    /** Presses Tab until the focus is on what starts with this name; fails if it never gets there. */
    private void tabTo(String name) {
        for (int i = 0; i < 80; i++) {
            if (focused().startsWith(name)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached \"" + name + "\"; last focused: \"" + focused() + "\"");
    }

    @Test
    void aParticipantLogsASessionWithTheKeyboardAlone() {
        String account = asSystem("fudan", Set.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(
                "fudan.keyboard", "Keyboard Participant", null, "en", Set.of(PortalRole.PARTICIPANT), PASSWORD))
                .id());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String participant = asSystem("fudan", Set.of(PortalRole.CLINICIAN), () -> participants.importRecord(
                new ParticipantImport(studies.studies().getFirst().id(), "S-K01", "RE-MS-K01", "Keyboard Participant",
                        ParticipantStatus.ENROLLED, "EXERCISE", today.minusDays(10), today.minusDays(7), null, null,
                        null, "en", "Asia/Shanghai", null, null, null, account)));
        asSystem("fudan", EnumSet.of(PortalRole.THERAPIST), () -> prescriptions.prescribe(participant, "re_ms_standard",
                today.minusDays(6), EnumSet.allOf(DayOfWeek.class), "Every day, for the keyboard journey"));

        page = newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("en-GB")).newPage();
        signInAs("fudan.keyboard");
        open("my-exercises");
        page.locator("body").focus();

        tabTo("Log a session");
        page.keyboard().press("Enter");
        settle();
        tabTo("Minutes");
        page.keyboard().type("25");
        tabTo("How hard was it?");
        page.keyboard().type("3");
        tabTo("Joint pain before");
        page.keyboard().type("1");
        tabTo("Joint pain after");
        page.keyboard().type("2");
        tabTo("Save");
        page.keyboard().press("Enter");
        settle();

        assertThat(page.getByText("You have logged a session today.")).isVisible();
        assertThat(page.getByText("25 min").first()).isVisible();
        signIn("fudan.keyboard");
        assertThat(ownProgramme.myHistory()).anySatisfy(s -> assertThat(s.minutes()).isEqualTo(25));
    }
}
