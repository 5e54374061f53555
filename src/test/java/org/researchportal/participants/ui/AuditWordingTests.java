package org.researchportal.participants.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipationService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A participant's audit trail reads as sentences in the reader's language: names, not usernames; phrases, not action
 * codes; labels, values and days, not field names and Java dumps; and it holds every change to their data, their
 * adverse events included.
 */
class AuditWordingTests extends UiTest {

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
    ParticipationService participation;
    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    AuditTrail audit;
    @Autowired
    org.researchportal.identity.AccountService accounts;

    /**
     * Every action the code records has its phrase in both languages: the action names written in an
     * {@code audit.record(...)} call or passed to a service's own {@code change(...)}, which records them.
     */
    @Test
    void everyRecordedActionHasItsPhrase() throws java.io.IOException {
        var action = java.util.regex.Pattern.compile("\"([a-z][a-z-]*\\.[a-z][a-z-]*)\"");
        java.util.Set<String> actions = new java.util.TreeSet<>();
        try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = java.nio.file.Files.readString(source);
                var calls = java.util.regex.Pattern.compile("(audit\\.record|change)\\(([^;]*);",
                        java.util.regex.Pattern.DOTALL).matcher(text);
                while (calls.find()) {
                    var m = action.matcher(calls.group(2));
                    while (m.find()) {
                        actions.add(m.group(1));
                    }
                }
            }
        }
        actions.addAll(List.of("tenant.exported", "tenant.imported"));
        // Written as "adverse-event.draft-" + the draft's new state.
        List.of("recorded", "dismissed").forEach(state -> actions.add("adverse-event.draft-" + state));
        actions.remove("adverse-event.draft-");
        assertThat(actions).contains("participant.randomised", "account.deactivated", "message.resent");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            assertThat(actions).as(locale.toString()).allSatisfy(a -> assertThat(
                    org.researchportal.base.ui.PortalTranslations.find("audit.action." + a, locale)).isPresent());
        }
    }

    @Test
    void aParticipantsWholeHistoryReadsInChineseAndInEnglish() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        String id = trial.eligibleConsentedCandidate(screening, consent, "Audit Reader");
        trial.doAsClinician(() -> {
            randomisation.randomise(id, Map.of());
            participation.recordDeviation(id, LocalDate.now(ZoneOffset.UTC), "Session done twice in one day");
            String ae = adverseEvents.report(id, new AdverseEventReport(LocalDate.now(ZoneOffset.UTC).minusDays(2),
                    "Fell on the stairs", "Knee", 2, false, AdverseEventReport.Relatedness.UNLIKELY,
                    AdverseEventReport.Action.NONE, AdverseEventReport.Outcome.ONGOING, null));
            adverseEvents.update(ae, new AdverseEventReport(LocalDate.now(ZoneOffset.UTC).minusDays(2),
                    "Fell on the stairs", "Knee", 2, false, AdverseEventReport.Relatedness.UNLIKELY,
                    AdverseEventReport.Action.NONE, AdverseEventReport.Outcome.RECOVERED,
                    LocalDate.now(ZoneOffset.UTC)), "Recovered at the week-2 visit");
        });
        List<AuditEvent> trail = trial.asClinician(() -> audit.participantHistory(id));
        assertThat(trail).extracting(AuditEvent::getAction).contains("participant.screened",
                "participant.randomised", "participant.deviation-recorded", "adverse-event.reported",
                "adverse-event.updated");

        signInToUi("fudan.clinician");
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            UI.getCurrent().setLocale(locale);
            var owner = new Div();
            UI.getCurrent().add(owner);
            var wording = new AuditWording(owner, locale, ZoneOffset.UTC, trial.asClinician(() -> ParticipantRecordView
                    .studyTerms(studies, trial.studyId(),
                            studies.eligibilityModel(trial.studyId()), locale)),
                    trial.asClinician(() -> accounts.names(List.of())));
            List<String> shown = new ArrayList<>();
            for (AuditEvent event : trail) {
                shown.add(wording.what(event));
                wording.changes(event.getBefore(), event.getAfter())
                        .forEach(c -> shown.add(c.label() + ": " + c.before() + " → " + c.after()));
            }
            assertThat(wording.untranslated()).as(locale + " keys without a text").isEmpty();
            assertThat(shown).noneMatch(text -> text.contains("Document{") || text.contains("participant.")
                    || text.contains("system:") || text.contains("ENROLLED"));
            // A programme's weekdays are stored by name and read as days, not as a Java list.
            assertThat(wording.shown(List.of("MONDAY", "WEDNESDAY"))).isEqualTo(
                    locale == Locale.SIMPLIFIED_CHINESE ? "星期一, 星期三" : "Monday, Wednesday");
            if (locale == Locale.SIMPLIFIED_CHINESE) {
                assertThat(shown).anyMatch(text -> text.endsWith("入组并随机分配"))
                        .anyMatch(text -> text.endsWith("修改了不良事件"));
            } else {
                assertThat(shown).anyMatch(text -> text.endsWith(" enrolled and randomised"))
                        .contains("Report › Outcome: Ongoing → Recovered");
            }
        }
    }
}
