package org.researchportal.assessments.ui;

import static org.researchportal.assessments.ui.ChoiceRow.blankAsNull;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentDesigner;
import org.researchportal.assessments.InstrumentVersionRow;
import org.researchportal.assessments.Wording;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.UnsavedChanges;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.identity.AccountService;

/**
 * The tenant administrator designs one instrument: its name, its items in order, their branching and scores, beside a
 * phone-sized preview. Saved as a draft as often as needed, then published; a published version never changes, so
 * changing one starts the next draft.
 */
@Route("admin/instruments/design")
@RolesAllowed(Roles.TENANT_ADMIN)
final class InstrumentDesignView extends Main
        implements
            HasUrlParameter<String>,
            HasDynamicTitle,
            BeforeLeaveObserver {

    private final InstrumentDesigner designer;
    private final TextField code = new TextField();
    private final TextField nameEn = new TextField();
    private final TextField nameZh = new TextField();
    private final TextField noteEn = new TextField();
    private final TextField noteZh = new TextField();
    private final UnsavedChanges changes = new UnsavedChanges(this);
    private final UnsavedChanges.Form form = changes.form(code, nameEn, nameZh, noteEn, noteZh);
    private final ItemList items = new ItemList(this::refreshPreview, form::watchAll, form::markChanged);
    private final InstrumentPreview preview = new InstrumentPreview();
    private final Paragraph state = new Paragraph();
    private final VersionHistory history;
    private final Button save = new Button();
    private final Button publish = new Button();
    private final Button discard = new Button();
    private final Button edit = new Button();
    private @Nullable String savedCode;
    /** The version the designer opened or last saved: a save or publish over someone else's change is refused. */
    private @Nullable Integer basedOn;

    InstrumentDesignView(InstrumentDesigner designer, AccountService accounts) {
        this.designer = designer;
        this.history = new VersionHistory(accounts);
        addClassNames("portal-view", "instrument-designer");
        code.setLabel(getTranslation("designer.code"));
        code.setHelperText(getTranslation("designer.code.hint"));
        nameEn.setLabel(getTranslation("designer.name-en"));
        nameZh.setLabel(getTranslation("designer.name-zh"));
        noteEn.setLabel(getTranslation("designer.note-en"));
        noteZh.setLabel(getTranslation("designer.note-zh"));
        List.of(code, nameEn, nameZh, noteEn, noteZh).forEach(f -> f.addValueChangeListener(e -> refreshPreview()));
        save.setText(getTranslation("designer.save-draft"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> saveDraft());
        publish.setText(getTranslation("designer.publish"));
        publish.addClickListener(e -> confirmPublish());
        discard.setText(getTranslation("designer.discard"));
        discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        discard.addClickListener(e -> discardDraft());
        edit.setText(getTranslation("designer.edit"));
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        edit.addClickListener(e -> startDraft());
        var refresh = new Button(getTranslation("designer.preview.refresh"), e -> refreshPreview());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        var header = new FormLayout(code, nameEn, nameZh, noteEn, noteZh);
        header.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        header.setColspan(code, 2);
        var help = new Paragraph(getTranslation("designer.expression-help"));
        help.addClassName("designer-help");
        var editor = new Div(state, header, new H3(getTranslation("designer.items")), items, help, new HorizontalLayout(
                save, publish, discard, edit), new H3(getTranslation("designer.versions")),
                history);
        editor.addClassName("designer-editor");
        var aside = new Div(preview, refresh);
        aside.addClassName("designer-preview");
        var columns = new Div(editor, aside);
        columns.addClassName("designer-columns");
        add(new ViewToolbar(getTranslation("designer.title")), columns);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable String instrumentCode) {
        load(instrumentCode);
    }

    private void load(@Nullable String instrumentCode) {
        List<InstrumentVersionRow> versions = instrumentCode == null ? List.of() : designer.versions(instrumentCode);
        InstrumentVersionRow newest = versions.isEmpty() ? null : versions.getLast();
        savedCode = newest == null ? null : newest.code();
        basedOn = newest == null ? null : newest.number();
        Instrument shown = newest == null ? null : newest.instrument();
        code.setValue(shown == null ? "" : shown.code());
        code.setReadOnly(savedCode != null);
        nameEn.setValue(shown == null ? "" : shown.name().en());
        nameZh.setValue(shown == null || shown.name().zh() == null ? "" : shown.name().zh());
        noteEn.setValue(shown == null || shown.note() == null ? "" : shown.note().en());
        noteZh.setValue(shown == null || shown.note() == null || shown.note().zh() == null ? "" : shown.note().zh());
        items.setItems(shown == null ? List.of() : shown.items());
        history.show(versions);
        boolean published = newest != null && newest.published();
        state.setText(newest == null ? getTranslation("designer.state.new")
                : getTranslation(published ? "designer.state.published" : "designer.state.draft", newest.number()));
        setEditable(!published);
        refreshPreview();
        changes.reset();
    }

    /** A published version is only read: "Edit" starts the next draft from it. */
    private void setEditable(boolean editable) {
        List.of(nameEn, nameZh, noteEn, noteZh).forEach(f -> f.setReadOnly(!editable));
        items.setEditable(editable);
        save.setVisible(editable);
        publish.setVisible(editable);
        discard.setVisible(editable && savedCode != null);
        edit.setVisible(!editable);
    }

    private Instrument instrument() {
        return new Instrument(code.getValue().trim(), new Wording(nameEn.getValue().trim(), blankAsNull(nameZh
                .getValue())), items.items(), Wording.of(noteEn.getValue().trim(),
                        noteZh.getValue().trim()));
    }

    private void refreshPreview() {
        preview.show(instrument());
    }

    /** Saves the draft; answers whether the service took it (its refusals shown at their fields). */
    private boolean saveDraft() {
        try {
            int number = designer.saveDraft(instrument(), basedOn);
            basedOn = number;
            FieldErrors.clear(errorTargets());
            form.saved();
            Notification.show(getTranslation("designer.saved", number))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            String saved = code.getValue().trim();
            if (savedCode == null) {
                getUI().ifPresent(ui -> ui.navigate(InstrumentDesignView.class, saved));
            } else {
                history.show(designer.versions(saved));
                state.setText(getTranslation("designer.state.draft", number));
            }
            return true;
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, errorTargets());
            return false;
        }
    }

    private Map<String, HasValidation> errorTargets() {
        Map<String, HasValidation> targets = new HashMap<>();
        targets.put("code", code);
        targets.put("name", nameEn);
        targets.put("note", noteEn);
        targets.putAll(items.errorTargets());
        return targets;
    }

    private void confirmPublish() {
        if (!saveDraft()) {
            return;
        }
        var confirm = new ConfirmDialog(getTranslation("designer.publish.title"),
                getTranslation("designer.publish.text"), getTranslation("designer.publish"), e -> publish());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    private void publish() {
        try {
            int number = designer.publish(code.getValue().trim(), instrument());
            Notification.show(getTranslation("designer.published", number))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            load(code.getValue().trim());
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, errorTargets());
        }
    }

    private void discardDraft() {
        var confirm = new ConfirmDialog(getTranslation("designer.discard.title"),
                getTranslation("designer.discard.text"), getTranslation("designer.discard"), e -> {
                    designer.discardDraft(savedCode);
                    changes.reset();
                    Notification.show(getTranslation("designer.discarded"));
                    if (designer.versions(savedCode).isEmpty()) {
                        getUI().ifPresent(ui -> ui.navigate(InstrumentsView.class));
                    } else {
                        load(savedCode);
                    }
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** Starts the next draft from the published version shown. */
    private void startDraft() {
        try {
            int number = designer.saveDraft(instrument(), basedOn);
            Notification.show(getTranslation("designer.draft-started", number));
            load(savedCode);
        } catch (ValidationException refusal) {
            // E.g. another administrator started it meanwhile, or the version breaks a rule made since.
            FieldErrors.show(this, refusal, errorTargets());
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        changes.beforeLeave(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("designer.title");
    }
}
