package org.researchportal.assessments.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.QuestionnaireFixture;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.NotFoundView;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A participant on her phone: her open questionnaires on "My study", a form that keeps each answer as she gives it
 * and resumes where she stopped, sent once after she confirms, then shown to read only; in Chinese for a Chinese
 * reader.
 */
class MyQuestionnairesUiTests extends UiTest {

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    AccountService accounts;
    @Autowired
    ParticipantService participants;
    @Autowired
    AssessmentService assessments;

    private QuestionnaireFixture fixture;

    @BeforeEach
    void aFreshStudy() {
        fixture = QuestionnaireFixture.create(tenants, studies, randomisation);
    }

    @Test
    void myStudyListsTheOpenQuestionnairesEachToStartOrContinue() {
        signInToUi(fixture.participant(accounts, participants, "Home Card", "en", 0));
        UI.getCurrent().navigate("my-study");
        String due = "Due " + Formats.date(LocalDate.now(QuestionnaireFixture.ZONE), UI.getCurrent().getLocale());
        assertThat(viewText()).contains("Questionnaires", "Brief Pain Inventory (short form)", "Joint stiffness",
                "Aromatase inhibitor adherence", due, "Start").doesNotContain("Continue", "Grip");
        assertThat(_find(Anchor.class)).extracting(Anchor::getHref).contains("my-questionnaires/baseline/bpi_sf",
                "my-questionnaires/baseline/stiffness");

        UI.getCurrent().navigate("my-questionnaires/baseline/stiffness");
        _get(RadioButtonGroup.class, spec -> spec.withLabel("Joint stiffness today")).setValue("6");
        UI.getCurrent().navigate("my-study");
        assertThat(linkTo("my-questionnaires/baseline/stiffness")).contains("Joint stiffness", "Continue");

        UI.getCurrent().navigate("my-questionnaires/baseline");
        assertThat(viewText()).contains("Questionnaires · Baseline", "Joint stiffness", "Continue",
                "Brief Pain Inventory (short form)", "Start", "Back to My study");
    }

    @Test
    void myStudyShowsNoQuestionnairesCardWhenNoneIsOpenOrDone() {
        // Enrolled 60 days ago: baseline and week 6 closed unanswered, week 12 not open yet.
        signInToUi(fixture.participant(accounts, participants, "Nothing Open", "en", 60));
        UI.getCurrent().navigate("my-study");
        assertThat(viewText()).contains("My study").doesNotContain("Questionnaires", "Start");
    }

    @Test
    void eachAnswerIsKeptAsGivenSoReopeningResumesThenSentOnceAndShownReadOnly() {
        signInToUi(fixture.participant(accounts, participants, "Form Filler", "en", 0));
        UI.getCurrent().navigate("my-questionnaires/baseline/stiffness");
        assertThat(viewText()).contains("Joint stiffness", "Baseline", "0 of 2 answered",
                "Each answer is saved as you give it");
        _get(RadioButtonGroup.class, spec -> spec.withLabel("Joint stiffness today")).setValue("6");
        assertThat(viewText()).contains("1 of 2 answered");

        // A reload (or a dropped connection): the view is made afresh from what was kept.
        UI.getCurrent().navigate("my-study");
        UI.getCurrent().navigate("my-questionnaires/baseline/stiffness");
        assertThat(_get(RadioButtonGroup.class, spec -> spec.withLabel("Joint stiffness today")).getValue())
                .isEqualTo("6");
        assertThat(viewText()).contains("1 of 2 answered");

        var minutes = _get(NumberField.class, spec -> spec.withLabel("Morning stiffness duration (min)"));
        minutes.setValue(900.0);
        assertThat(minutes.isInvalid()).isTrue();
        assertThat(minutes.getErrorMessage()).isEqualTo("This value is outside the item's range.");
        minutes.setValue(25.0);
        assertThat(minutes.isInvalid()).isFalse();
        assertThat(viewText()).contains("2 of 2 answered");

        _click(_get(Button.class, spec -> spec.withText("Send answers")));
        var confirm = _get(ConfirmDialog.class);
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Send your answers?");
        _fireConfirm(confirm);
        assertThat(viewText()).contains("Thank you", "Your answers have been sent to your study team.");

        UI.getCurrent().navigate("my-questionnaires/baseline/stiffness");
        String sentOn = "Sent on " + Formats.date(LocalDate.now(QuestionnaireFixture.ZONE),
                UI.getCurrent().getLocale());
        assertThat(viewText()).contains(sentOn).doesNotContain("answered");
        var scale = _get(RadioButtonGroup.class, spec -> spec.withLabel("Joint stiffness today"));
        assertThat(scale.getValue()).isEqualTo("6");
        assertThat(scale.isReadOnly()).isTrue();
        assertThat(_get(NumberField.class, spec -> spec.withLabel("Morning stiffness duration (min)")).isReadOnly())
                .isTrue();
        assertThat(_find(Button.class, spec -> spec.withText("Send answers"))).isEmpty();

        UI.getCurrent().navigate("my-study");
        assertThat(linkTo("my-questionnaires/baseline/stiffness")).contains("✓", "Joint stiffness", sentOn);
    }

    @Test
    void aRequiredItemLeftOutIsNamedAtTheItemWhenSending() {
        signInToUi(fixture.participant(accounts, participants, "Half Done", "en", 0));
        UI.getCurrent().navigate("my-questionnaires/baseline/stiffness");
        _get(RadioButtonGroup.class, spec -> spec.withLabel("Joint stiffness today")).setValue("3");
        _click(_get(Button.class, spec -> spec.withText("Send answers")));
        _fireConfirm(_get(ConfirmDialog.class));
        var minutes = _get(NumberField.class, spec -> spec.withLabel("Morning stiffness duration (min)"));
        assertThat(minutes.isInvalid()).isTrue();
        assertThat(minutes.getErrorMessage()).isEqualTo("This item must be answered.");
        assertThat(viewText()).doesNotContain("Thank you");
    }

    @Test
    void branchingShowsOnlyTheQuestionsHerAnswersOpen() {
        signInToUi(fixture.participant(accounts, participants, "Branches", "en", 0));
        UI.getCurrent().navigate("my-questionnaires/baseline/ai_adherence");
        assertThat(viewText()).contains("0 of 1 answered");
        _get(RadioButtonGroup.class, spec -> spec.withLabel("Still taking the aromatase inhibitor")).setValue("0");
        assertThat(viewText()).contains("1 of 3 answered");
        assertThat(_find(NumberField.class, spec -> spec.withLabel("Missed doses in the last 30 days")))
                .allMatch(f -> !f.isVisible());
    }

    @Test
    void aChineseParticipantReadsHerQuestionsAndChoicesInChinese() {
        signInToUi(fixture.participant(accounts, participants, "王 问卷", "zh-CN", 0));
        UI.getCurrent().setLocale(PortalLocales.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("my-study");
        assertThat(viewText()).contains("问卷", "简明疼痛量表（简表）", "关节僵硬", "请于", "开始")
                .doesNotContain("Questionnaires", "Brief Pain Inventory", "Start");

        UI.getCurrent().navigate("my-questionnaires/baseline/bpi_sf");
        var worst = _get(RadioButtonGroup.class, spec -> spec.withLabel("过去24小时最严重的疼痛"));
        assertThat(worst.getHelperText()).contains("不痛", "能想象的最剧烈疼痛");
        worst.setValue("7");
        assertThat(viewText()).contains("简明疼痛量表（简表）", "基线", "每个答案在您作答时即已保存", "已回答 1/")
                .doesNotContain("Worst pain", "answered", "Due");
        assertThat(_get(Button.class, spec -> spec.withText("提交答案"))).isNotNull();
    }

    private static String linkTo(String href) {
        return _find(Anchor.class).stream().filter(a -> a.getHref().equals(href)).findFirst().orElseThrow()
                .getElement().getTextRecursively();
    }

    @Test
    void aQuestionnaireNotHersToAnswerIsNotFound() {
        signInToUi(fixture.participant(accounts, participants, "Not Hers", "en", 0));
        UI.getCurrent().navigate("my-questionnaires/baseline/grip");
        assertThat(_find(NotFoundView.class)).hasSize(1);
        UI.getCurrent().navigate("my-questionnaires/week_12/stiffness");
        assertThat(_find(NotFoundView.class)).hasSize(1);
        UI.getCurrent().navigate("my-questionnaires/week_99");
        assertThat(_find(NotFoundView.class)).hasSize(1);
    }
}
