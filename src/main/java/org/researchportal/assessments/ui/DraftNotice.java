package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.researchportal.assessments.AdverseEventDraftRow;
import org.researchportal.assessments.AdverseEventDrafts;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.identity.PeopleNames;

/**
 * A possible adverse event waiting for the clinician: what was heard, when and from whom, to record as an adverse
 * event (graded and judged) or to dismiss with a reason.
 */
final class DraftNotice extends Composite<Div> {

    DraftNotice(AdverseEventDraftRow draft, PeopleNames people, AdverseEventService service, AdverseEventDrafts drafts,
            Runnable reload) {
        var text = new Paragraph(getTranslation("ae.draft.notice", Formats.date(draft.noticedOn(), getLocale()),
                draft.source(), people.shown(draft.raisedBy(), getLocale()), draft.description()));
        var record = new Button(getTranslation("ae.draft.record"), e -> new AdverseEventDialog(draft, service, drafts,
                reload).open());
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        var dismiss = new Button(getTranslation("ae.draft.dismiss"), e -> dismiss(draft, drafts, reload));
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        getContent().addClassNames("portal-notice", "ae-draft");
        getContent().add(text, record, dismiss);
    }

    private void dismiss(AdverseEventDraftRow draft, AdverseEventDrafts drafts, Runnable reload) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("ae.draft.dismiss"));
        var reason = new TextField(getTranslation("change.reason"));
        reason.setWidthFull();
        reason.setMaxLength(500);
        dialog.add(reason);
        var confirm = new Button(getTranslation("ae.draft.dismiss"), e -> {
            try {
                drafts.dismissDraft(draft.id(), reason.getValue());
                dialog.close();
                reload.run();
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, Map.of("reason", reason));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
