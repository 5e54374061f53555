package org.researchportal.assessments.ui;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.QuestionnaireTrial;
import org.researchportal.assessments.QuestionnaireTrial.Answerer;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SignInWay;
import org.researchportal.base.ui.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The site's view of who answered: the assessor's form shows what the participant answered herself, read only, and
 * says a paper form is what is entered for the rest of her questionnaires; the clinician's record and the data page
 * say who answered each entry, in words, in either language.
 */
class ParticipantAnswersUiTests extends UiTest {

    @Autowired
    ApplicationContext beans;
    @Autowired
    AssessmentService assessments;

    private QuestionnaireTrial trial;
    private Answerer her;
    private String assessor;

    /** She answered her baseline stiffness by a link and an SMS code; the assessor entered her baseline grip. */
    @BeforeEach
    void sheAnsweredHerStiffnessAndTheAssessorEnteredHerGrip() {
        trial = new QuestionnaireTrial(beans);
        her = trial.randomised("Phone Answerer");
        trial.signInByLink(her, SignInWay.LINK_AND_SMS_CODE);
        assessments.answerOwn("baseline", "stiffness", 1, Map.of("stiffness", "4", "morning_minutes", "20"));
        assessor = trial.person(PortalRole.ASSESSOR);
        signIn(assessor);
        assessments.record(her.participantId(), "baseline", "grip", QuestionnaireTrial.today(), Map.of("right_1",
                "20", "right_2", "21", "right_3", "22", "left_1", "19", "left_2", "18", "left_3", "20"), null);
        SecurityContextHolder.clearContext();
    }

    private static InstrumentForm card(String title) {
        return _find(InstrumentForm.class).stream().filter(f -> !_find(f, H2.class, spec -> spec.withText(title))
                .isEmpty()).findFirst().orElseThrow();
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    @Test
    void theAssessorReadsHerAnswersWithoutChangingThemAndEntersTheRestFromAPaperForm() {
        signInToUi(assessor);
        UI.getCurrent().navigate("assess/" + her.participantId() + "/baseline");
        String today = Formats.date(QuestionnaireTrial.today(), Locale.ENGLISH);

        InstrumentForm stiffness = card("Joint stiffness");
        assertThat(text(stiffness)).contains("Completed by the participant", "Answered by the participant on "
                + today + ", identified by link and SMS code.").doesNotContain("paper form", "Recorded by");
        assertThat(_find(stiffness, Button.class)).as("no save: her answers are final").isEmpty();
        assertThat(_find(stiffness, NumberField.class)).isNotEmpty().allMatch(NumberField::isReadOnly);
        assertThat(_find(stiffness, RadioButtonGroup.class)).allMatch(RadioButtonGroup::isReadOnly);
        assertThat(_get(stiffness, DatePicker.class).isReadOnly()).isTrue();

        InstrumentForm pain = card("Brief Pain Inventory (short form)");
        assertThat(text(pain)).contains("Completed by the participant",
                "Entering it here records her answers from a paper form.").doesNotContain("Answered by");
        assertThat(_find(pain, Button.class, spec -> spec.withText("Save"))).hasSize(1);

        InstrumentForm grip = card("Grip strength (dynamometer)");
        assertThat(text(grip)).doesNotContain("Completed by the participant", "paper form")
                .contains("Recorded by Site assessor");
        assertThat(viewText()).as("no raw values").doesNotContain("PARTICIPANT", "LINK_AND_SMS_CODE", "STAFF",
                her.username());

        UI.getCurrent().navigate("assessments");
        _setValue(_get(Checkbox.class), true);
        assertThat(allCells(_get(Grid.class))).as("her answers count as done").contains("Phone Answerer", "2 / 5");
    }

    @Test
    void aChineseAssessorReadsWhoAnsweredInChinese() {
        signInToUi(assessor);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("assess/" + her.participantId() + "/baseline");
        String page = viewText();
        assertThat(page).contains("由参与者本人填写", "参与者本人于 " + Formats.date(QuestionnaireTrial.today(),
                Locale.SIMPLIFIED_CHINESE) + " 填写，身份核对方式：链接和短信验证码。", "在此录入，即录入她在纸质问卷上的回答。")
                .doesNotContain("Completed by the participant", "Answered by", "paper form", "LINK_AND_SMS_CODE");
    }

    @Test
    void theClinicianSeesWhoAnsweredEachEntryOnHerRecord() {
        signInToUi(trial.person(PortalRole.CLINICIAN));
        UI.getCurrent().navigate("participants/" + her.participantId());
        Grid<?> entries = _find(Grid.class).stream().filter(g -> g.hasClassName("entries-grid")).findFirst()
                .orElseThrow();
        List<String> cells = allCells(entries);
        assertThat(cells).contains("Baseline", "Joint stiffness", "Grip strength (dynamometer)",
                "Answered by the participant (link and SMS code) on " + Formats.date(QuestionnaireTrial.today(),
                        Locale.ENGLISH), "Entered by Site assessor");
        assertThat(cells).doesNotContain("PARTICIPANT", "STAFF", "LINK_AND_SMS_CODE", her.username());
    }

    @Test
    void theDataPageSaysWhoAnsweredInTheReadersLanguage() {
        signInToUi(trial.person(PortalRole.MONITOR));
        UI.getCurrent().navigate("monitor/participant/" + her.participantId());
        assertThat(viewText()).contains("Version 1 of the instrument · answered by the participant (link and SMS"
                + " code) on " + Formats.date(QuestionnaireTrial.today(), Locale.ENGLISH),
                "Version 1 of the instrument · entered by Site assessor").doesNotContain("LINK_AND_SMS_CODE",
                        her.username());

        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("monitor/participant/" + her.participantId());
        assertThat(viewText()).contains("量表第 1 版 · 参与者本人填写（链接和短信验证码），"
                + Formats.date(QuestionnaireTrial.today(), Locale.SIMPLIFIED_CHINESE), "量表第 1 版 · 由 Site assessor 录入")
                .doesNotContain("answered by the participant");
    }
}
