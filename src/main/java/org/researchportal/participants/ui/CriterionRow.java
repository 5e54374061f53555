package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.participants.EligibilityOutcome.Outcome;
import org.researchportal.study.EligibilityCriterion;

/**
 * One criterion of the checklist. A manual one is answered yes or no; a computed one shows what the entered values
 * give, with no control to tick.
 */
final class CriterionRow extends Composite<Div> implements HasValidation {

    private final Span outcome = new Span();
    private final @Nullable RadioButtonGroup<Boolean> answer;

    CriterionRow(EligibilityCriterion criterion, @Nullable Boolean previous) {
        Div row = getContent();
        row.addClassName("criterion");
        var kind = new Span(criterion.code() + " · " + getTranslation(
                "eligibility.kind." + criterion.kind().name().toLowerCase(Locale.ROOT)));
        kind.addClassName("criterion__kind");
        var text = new Span(getLocale().getLanguage().equals("zh") ? criterion.textZh() : criterion.text());
        text.addClassName("criterion__text");
        row.add(kind, text);
        if (criterion.computed()) {
            answer = null;
            outcome.addClassName("criterion__computed");
            // No control to tick: the cell stays empty so outcomes line up with the answered criteria.
            row.add(new Span(), outcome);
        } else {
            answer = new RadioButtonGroup<>();
            answer.setItems(Boolean.TRUE, Boolean.FALSE);
            answer.setItemLabelGenerator(b -> getTranslation(b ? "answer.yes" : "answer.no"));
            answer.setValue(previous);
            answer.setAriaLabel(text.getText());
            row.add(answer, outcome);
        }
    }

    Optional<Boolean> answer() {
        return Optional.ofNullable(answer == null ? null : answer.getValue());
    }

    void onChange(Runnable listener) {
        if (answer != null) {
            answer.addValueChangeListener(e -> listener.run());
        }
    }

    void setReadOnly(boolean readOnly) {
        if (answer != null) {
            answer.setReadOnly(readOnly);
        }
    }

    void show(Outcome result) {
        outcome.setText(getTranslation("eligibility.outcome." + result.name().toLowerCase(Locale.ROOT)));
        outcome.getElement().setAttribute("data-outcome", result.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        outcome.setText(errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return outcome.getText();
    }

    @Override
    public void setInvalid(boolean invalid) {
        outcome.getElement().setAttribute("data-outcome", invalid ? "invalid" : "unknown");
    }

    @Override
    public boolean isInvalid() {
        return "invalid".equals(outcome.getElement().getAttribute("data-outcome"));
    }
}
