package org.researchportal.messaging.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;

/** A tenant administrator previews a Chinese SMS with its segment count, and an unknown placeholder is refused. */
class TemplatesViewUiTests extends UiTest {

    @Test
    void aChineseSmsIsPreviewedWithItsCostAndAnUnknownPlaceholderIsRefusedAtTheText() {
        signInToUi("fudan.admin");
        UI.getCurrent().navigate("message-templates");
        TextArea body = _get(TextArea.class, spec -> spec.withLabel("Text"));
        assertThat(body.getValue()).contains("{name}", "{link}");
        assertThat(viewText()).contains("{link}").doesNotContain("template.");

        _click(_get(Button.class, spec -> spec.withText("Preview")));
        assertThat(viewText()).contains("王芳，您好").containsPattern("\\d+ characters: 1 SMS \\(UCS-2\\)");

        body.setValue("{name}，您的分组是 {arm}");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(body.isInvalid()).isTrue();
        assertThat(body.getErrorMessage()).startsWith("This kind of message cannot use");
    }
}
