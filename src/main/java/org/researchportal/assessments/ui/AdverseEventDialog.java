package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AdverseEventDraftRow;
import org.researchportal.assessments.AdverseEventDrafts;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventReport.Action;
import org.researchportal.assessments.AdverseEventReport.Outcome;
import org.researchportal.assessments.AdverseEventReport.Relatedness;
import org.researchportal.assessments.AdverseEventRow;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.DatePickers;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.MarksBeside;
import org.researchportal.base.ui.UnsavedChanges;

/** Reports an adverse event, or follows one up (which needs a reason, since it changes what was reported). */
final class AdverseEventDialog extends Dialog {

    AdverseEventDialog(String participantId, @Nullable AdverseEventRow existing, AdverseEventService service,
            Runnable onSaved) {
        this(participantId, existing, null, service, null, field -> List.of(), onSaved);
    }

    /**
     * Follows a recorded event up, with what the data-quality features mark on it: its verification, lock and
     * signature above the fields, a query beside each field.
     */
    AdverseEventDialog(String participantId, AdverseEventRow existing, AdverseEventService service,
            List<Component> formMarks, Function<String, List<Component>> marksOf, Runnable onSaved) {
        this(participantId, existing, null, service, null, marksOf, onSaved);
        addComponentAsFirst(new com.vaadin.flow.component.html.Div(formMarks.toArray(Component[]::new)));
    }

    /** Records a draft (heard of on a follow-up call) as an adverse event: what was heard is filled in. */
    AdverseEventDialog(AdverseEventDraftRow draft, AdverseEventService service, AdverseEventDrafts drafts,
            Runnable onSaved) {
        this(draft.participantId(), null, draft, service, drafts, field -> List.of(), onSaved);
    }

    private AdverseEventDialog(String participantId, @Nullable AdverseEventRow existing,
            @Nullable AdverseEventDraftRow draft, AdverseEventService service, @Nullable AdverseEventDrafts drafts,
            Function<String, List<Component>> marksOf, Runnable onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "ae.report" : "ae.follow-up"));
        AdverseEventReport r = existing == null ? null : existing.report();
        // Onset, grade and relatedness are the clinician's judgement: a new report starts with none of them, even
        // from a draft (the day an event was heard of on a call is not the day it began).
        var onset = DatePickers.create(getTranslation("ae.onset"), r == null ? null : r.onset());
        onset.setMax(LocalDate.now());
        onset.setRequiredIndicatorVisible(true);
        if (draft != null) {
            onset.setHelperText(getTranslation("ae.onset.heard-on", Formats.date(draft.noticedOn(), getLocale())));
        }
        var description = new TextArea(getTranslation("ae.description"));
        description.setMaxLength(AdverseEventReport.DESCRIPTION_MAX_LENGTH);
        description.setValue(r != null ? r.description() : draft != null ? draft.description() : "");
        var site = new TextField(getTranslation("ae.body-site"));
        site.setMaxLength(AdverseEventReport.BODY_SITE_MAX_LENGTH);
        site.setValue(r == null || r.bodySite() == null ? "" : r.bodySite());
        var grade = new Select<Integer>();
        grade.setLabel(getTranslation("ae.grade"));
        grade.setItems(List.of(1, 2, 3, 4, 5));
        grade.setItemLabelGenerator(g -> getTranslation("ae.grade." + g));
        grade.setPlaceholder(getTranslation("ae.choose"));
        grade.setRequiredIndicatorVisible(true);
        if (r != null) {
            grade.setValue(r.grade());
        }
        var serious = new Checkbox(getTranslation("ae.serious"), r != null && r.serious());
        var relatedness = choice("ae.relatedness", Relatedness.values(), r == null ? null : r.relatedness(),
                Relatedness::messageKey);
        relatedness.setPlaceholder(getTranslation("ae.choose"));
        relatedness.setRequiredIndicatorVisible(true);
        var action = choice("ae.action", Action.values(), r == null ? Action.NONE : r.action(), Action::messageKey);
        var outcome = choice("ae.outcome", Outcome.values(), r == null ? Outcome.ONGOING : r.outcome(),
                Outcome::messageKey);
        var resolvedOn = DatePickers.create(getTranslation("ae.resolved-on"), r == null ? null : r.resolvedOn());
        resolvedOn.setMax(LocalDate.now());
        var reason = new TextField(getTranslation("change.reason"));
        reason.setVisible(existing != null);
        var form = new FormLayout(MarksBeside.field(onset, marksOf.apply("onset")), MarksBeside.field(grade,
                marksOf.apply("grade")), MarksBeside.field(site, marksOf.apply("bodySite")), MarksBeside.field(serious,
                        marksOf.apply("serious")), MarksBeside.field(relatedness, marksOf.apply("relatedness")),
                MarksBeside.field(action, marksOf.apply("action")), MarksBeside.field(outcome, marksOf.apply(
                        "outcome")), MarksBeside.field(resolvedOn, marksOf.apply("resolvedOn")), reason);
        form.addComponentAtIndex(2, MarksBeside.field(description, marksOf.apply("description")));
        form.setColspan(form.getComponentAt(2), 2);
        add(form);

        Map<String, HasValidation> fields = Map.of("onset", onset, "description", description, "bodySite", site,
                "grade", grade, "relatedness", relatedness, "resolvedOn", resolvedOn, "reason", reason);
        var save = new Button(getTranslation("action.save"), e -> {
            var report = new AdverseEventReport(onset.getValue(),
                    description.getValue(), site.getValue().isBlank() ? null : site.getValue(),
                    grade.getValue(), serious.getValue(), relatedness.getValue(),
                    action.getValue(), outcome.getValue(), resolvedOn.getValue());
            try {
                if (draft != null && drafts != null) {
                    drafts.reportFromDraft(draft.id(), report);
                } else if (existing == null) {
                    service.report(participantId, report);
                } else {
                    service.update(existing.id(), report, reason.getValue());
                }
                close();
                onSaved.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        UnsavedChanges.guardClosing(this);
    }

    private <E> Select<E> choice(String labelKey, E[] values, @Nullable E value, Function<E, String> key) {
        var select = new Select<E>();
        select.setLabel(getTranslation(labelKey));
        select.setItems(values);
        select.setItemLabelGenerator(v -> getTranslation(key.apply(v)));
        if (value != null) {
            select.setValue(value);
        }
        return select;
    }
}
