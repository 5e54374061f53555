package org.researchportal.exercise.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoManual;
import org.researchportal.exercise.ExerciseManuals;
import org.researchportal.exercise.Prescriptions;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyRecord;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A participant whose joint pain rose from 3 to 6 in a session is told what the manual says to do and how to reach
 * the team, not "well done"; the therapist sees the alert on the participant's programme.
 */
class SafetyAdviceUiTests extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ParticipantService participants;
    @Autowired
    StudyService studies;
    @Autowired
    ExerciseManuals manuals;
    @Autowired
    Prescriptions prescriptions;
    @Autowired
    TenantService tenants;

    /**
     * A tenant of its own, with a study whose team phone is on record, the demo manual, a therapist and one
     * participant of the exercise arm on the standard programme (the demo tenants' figures are other tests' to count).
     */
    private String newExerciser() {
        tenant = "s" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Safety " + tenant,
                "Asia/Shanghai"));
        String study = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> studies.create(new StudyRecord("SAFE",
                "Safety advice test", null, List.of(new Arm("EXERCISE", "Exercise", ArmKind.INTERVENTION, "Programme"),
                        new Arm("CONTROL", "Control", ArmKind.CONTROL, "Standard guidance")), 10, "+86 21 5555 0000",
                null, null)).id());
        String account = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(
                tenant + ".ex", "Safety Test", null, "en", Set.of(PortalRole.PARTICIPANT), PASSWORD)).id());
        asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(tenant + ".pt",
                "Therapist Test", null, "en", Set.of(PortalRole.THERAPIST), PASSWORD)));
        String id = asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> participants.importRecord(
                new ParticipantImport(study, "SCR-1", "SAFE-1", "Safety Test", ParticipantStatus.ENROLLED,
                        "EXERCISE", today.minusDays(20), today.minusDays(10), null, null, null, "en",
                        "Asia/Shanghai", null, null, null, account)));
        asSystem(tenant, Set.of(PortalRole.THERAPIST), () -> manuals.publishManual(study, DemoManual.exercises(),
                DemoManual.guidance(), List.of(DemoManual.standardProgramme()), true));
        asSystem(tenant, Set.of(PortalRole.THERAPIST), () -> prescriptions.prescribe(id, "re_ms_standard",
                today.minusDays(7), Set.of(DayOfWeek.values()), "Safety test"));
        return id;
    }

    private String tenant = "";

    @Test
    void afterAPainRiseTheParticipantIsToldToStopAndCallAndTheTherapistIsAlerted() {
        String exerciser = newExerciser();
        signInToUi(tenant + ".ex");
        UI.getCurrent().navigate("my-exercises");
        assertThat(viewText()).doesNotContain("Stop and rest");

        _click(_get(Button.class, spec -> spec.withText("Log a session")));
        _get(IntegerField.class, spec -> spec.withLabel("Minutes")).setValue(30);
        _get(IntegerField.class, spec -> spec.withLabel("How hard was it? (0-10)")).setValue(5);
        _get(IntegerField.class, spec -> spec.withLabel("Joint pain before (0-10)")).setValue(3);
        _get(IntegerField.class, spec -> spec.withLabel("Joint pain after (0-10)")).setValue(6);
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(_find(Notification.class)).extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(text -> assertThat(text).contains("call the study team"))
                .noneSatisfy(text -> assertThat(text).isEqualTo("Your session is logged."));
        String page = viewText();
        assertThat(page).contains("Stop and rest", "your joint pain rose from 3 to 6",
                "Stop and tell the study team if joint pain rises by 2 or more points",
                "Contact the study team before your next session", "Your therapist has been alerted")
                .doesNotContain("Well done");
        assertThat(_find(Anchor.class)).extracting(Anchor::getHref).contains("tel:+862155550000");

        // In the participant's language.
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("my-study");
        UI.getCurrent().navigate("my-exercises");
        assertThat(viewText()).contains("请停止运动并休息", "从 3 分上升到 6 分", "如关节疼痛（0-10分）上升2分或以上");

        // The therapist sees it on the participant's programme, in the alerts card.
        UI.getCurrent().setLocale(Locale.ENGLISH);
        signInToUi(tenant + ".pt");
        UI.getCurrent().navigate("programme/" + exerciser);
        assertThat(viewText()).contains("Joint pain rose by 2 or more points");
    }
}
