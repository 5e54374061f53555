package org.researchportal.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;

/**
 * The CERT page: the therapist reads the 19 items in words (English and Chinese, no codes or keys) and completes one;
 * the statistician reads it without an editor and finds it from the statistics page; a blinded role cannot open it.
 */
class CertUiTests extends UiTest {

    @AfterEach
    void backToEnglish() {
        if (UI.getCurrent() != null) {
            UI.getCurrent().setLocale(Locale.ENGLISH);
        }
    }

    @Test
    void theTherapistReadsTheItemsInHerLanguageAndCompletesOne() {
        signInToUi("fudan.therapist");
        UI.getCurrent().navigate("cert");
        String page = viewText();
        assertThat(page).contains("Detailed description of the type of exercise equipment",
                "Describe the extent to which the intervention was delivered as planned", "What: materials",
                "How well: planned, actual", "of 19 items complete", "Exercise manual, edition",
                "planned programme days had a session logged");
        assertThat(page).doesNotContain("cert.", "re_ms", "ITEM_", "null");
        List<TextArea> editors = _find(TextArea.class);
        assertThat(editors).hasSize(19);
        assertThat(_find(Anchor.class)).extracting(Anchor::getText).contains("Checklist (CSV)",
                "Checklist (Markdown table)", "Records behind the figures (CSV)");

        TextArea setting = editors.get(12);
        setting.setValue("x".repeat(2001));
        _click(_find(Button.class, spec -> spec.withText("Save")).get(12));
        assertThat(_find(TextArea.class).get(12).isInvalid()).isTrue();

        String text = "At home, with a chair and a mat " + System.nanoTime();
        _find(TextArea.class).get(12).setValue(text);
        _click(_find(Button.class, spec -> spec.withText("Save")).get(12));
        assertThat(_find(TextArea.class).get(12).getValue()).isEqualTo(text);
        assertThat(viewText()).contains("Last written on");

        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("therapist");
        UI.getCurrent().navigate("cert");
        String chinese = viewText();
        assertThat(chinese).contains("详细描述运动器材的类型", "内容：材料", "运动手册第", "计划的")
                .doesNotContain("Detailed description", "cert.", "re_ms", "items complete");
    }

    @Test
    void theStatisticianReadsTheReportWithoutAnEditorAndFindsItOnTheStatisticsPage() {
        signInToUi("fudan.statistician");
        UI.getCurrent().navigate("statistics");
        assertThat(viewText()).contains("Exercise as delivered (CERT)", "of 19 items complete");
        String href = _get(Anchor.class, spec -> spec.withText("Open the CERT report")).getHref();
        assertThat(href).startsWith("cert?study=");

        UI.getCurrent().navigate("cert", QueryParameters.fromString(href.substring(href.indexOf('?') + 1)));
        assertThat(viewText()).contains("You read this report", "Detailed description of each exercise");
        assertThat(_find(TextArea.class)).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Save"))).isEmpty();
    }

    @Test
    void aBlindedRoleCannotOpenIt() {
        signInToUi("fudan.assessor");
        assertThatThrownBy(() -> UI.getCurrent().navigate("cert")).hasMessageContaining("Access is denied");
        signInToUi("fudan.monitor");
        assertThatThrownBy(() -> UI.getCurrent().navigate("cert")).hasMessageContaining("Access is denied");
    }
}
