package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.Choice;
import org.researchportal.assessments.Wording;

/** One answer a choice item offers, or one anchor of a scale: its code and its words in both languages. */
final class ChoiceRow extends Composite<HorizontalLayout> {

    private final TextField code = new TextField();
    private final TextField en = new TextField();
    private final TextField zh = new TextField();

    ChoiceRow(@Nullable Choice choice) {
        code.setLabel(getTranslation("designer.choice.code"));
        code.setWidth("7em");
        en.setLabel(getTranslation("designer.english"));
        zh.setLabel(getTranslation("designer.chinese"));
        if (choice != null) {
            code.setValue(choice.code());
            en.setValue(choice.label().en());
            zh.setValue(choice.label().zh() == null ? "" : choice.label().zh());
        }
        getContent().setWrap(true);
        getContent().add(code, en, zh);
    }

    Choice choice() {
        return new Choice(code.getValue().trim(), new Wording(en.getValue().trim(), blankAsNull(zh.getValue())));
    }

    void onChange(Runnable action) {
        code.addValueChangeListener(e -> action.run());
        en.addValueChangeListener(e -> action.run());
        zh.addValueChangeListener(e -> action.run());
    }

    static @Nullable String blankAsNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
