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
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
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
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.identity.AccountService;

/**
 * The tenant administrator designs one instrument: its name, its items in order, their branching and scores, beside a
 * phone-sized preview. Saved as a draft as often as needed, then published; a published version never changes, so
 * changing one starts the next draft.
 */
@Route("admin/instruments/design")
@RolesAllowed(Roles.TENANT_ADMIN)
final class InstrumentDesignView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final InstrumentDesigner designer;
    private final TextField code = new TextField();
    private final TextField nameEn = new TextField();
    private final TextField nameZh = new TextField();
    private final TextField noteEn = new TextField();
    private final TextField noteZh = new TextField();
    private final Div itemList = new Div();
    private final Span itemsError = new Span();
    private final List<ItemEditor> items = new ArrayList<>();
    private final InstrumentPreview preview = new InstrumentPreview();
    private final Paragraph state = new Paragraph();
    private final VersionHistory history;
    private final Button addItem = new Button();
    private final Button save = new Button();
    private final Button publish = new Button();
    private final Button discard = new Button();
    private final Button edit = new Button();
    private @Nullable String savedCode;
    private boolean editable = true;

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
        itemsError.addClassName("field-error");
        itemsError.setVisible(false);
        itemList.addClassName("designer-items");
        addItem.setText(getTranslation("designer.item.add"));
        addItem.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addItem.addClickListener(e -> {
            addEditor(new ItemEditor(null), items.size());
            refreshPreview();
        });
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
        var editor = new Div(state, header, new H3(getTranslation("designer.items")), itemsError, itemList, addItem,
                help, new HorizontalLayout(save, publish, discard, edit), new H3(getTranslation("designer.versions")),
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
        Instrument shown = newest == null ? null : newest.instrument();
        code.setValue(shown == null ? "" : shown.code());
        code.setReadOnly(savedCode != null);
        nameEn.setValue(shown == null ? "" : shown.name().en());
        nameZh.setValue(shown == null || shown.name().zh() == null ? "" : shown.name().zh());
        noteEn.setValue(shown == null || shown.note() == null ? "" : shown.note().en());
        noteZh.setValue(shown == null || shown.note() == null || shown.note().zh() == null ? "" : shown.note().zh());
        items.clear();
        itemList.removeAll();
        if (shown != null) {
            shown.items().forEach(i -> addEditor(new ItemEditor(i), items.size()));
        }
        history.show(versions);
        boolean published = newest != null && newest.published();
        state.setText(newest == null ? getTranslation("designer.state.new")
                : getTranslation(published ? "designer.state.published" : "designer.state.draft", newest.number()));
        setEditable(!published);
        refreshPreview();
    }

    /** A published version is only read: "Edit" starts the next draft from it. */
    private void setEditable(boolean editable) {
        this.editable = editable;
        List.of(nameEn, nameZh, noteEn, noteZh).forEach(f -> f.setReadOnly(!editable));
        items.forEach(i -> i.setReadOnly(!editable));
        drawItems();
        addItem.setVisible(editable);
        save.setVisible(editable);
        publish.setVisible(editable);
        discard.setVisible(editable && savedCode != null);
        edit.setVisible(!editable);
    }

    private void addEditor(ItemEditor editor, int index) {
        editor.onChange(this::refreshPreview);
        items.add(index, editor);
        drawItems();
    }

    private void drawItems() {
        itemList.removeAll();
        for (int index = 0; index < items.size(); index++) {
            ItemEditor editor = items.get(index);
            int at = index;
            var up = new Button(getTranslation("designer.item.up"), e -> move(at, at - 1));
            var down = new Button(getTranslation("designer.item.down"), e -> move(at, at + 1));
            var remove = new Button(getTranslation("action.remove"), e -> {
                items.remove(at);
                drawItems();
                refreshPreview();
            });
            List.of(up, down, remove).forEach(b -> b.setVisible(editable));
            up.setEnabled(index > 0);
            down.setEnabled(index < items.size() - 1);
            List.of(up, down, remove).forEach(b -> b.addThemeVariants(ButtonVariant.LUMO_TERTIARY,
                    ButtonVariant.LUMO_SMALL));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            var number = new H3(getTranslation("designer.item.number", index + 1));
            var card = new Div(new HorizontalLayout(number, up, down, remove), editor);
            card.addClassNames("card", "designer-item");
            itemList.add(card);
        }
    }

    private void move(int from, int to) {
        items.add(to, items.remove(from));
        drawItems();
        refreshPreview();
    }

    private Instrument instrument() {
        return new Instrument(code.getValue().trim(), new Wording(nameEn.getValue().trim(), blankAsNull(nameZh
                .getValue())), items.stream().map(ItemEditor::item).toList(), Wording.of(noteEn.getValue().trim(),
                        noteZh.getValue().trim()));
    }

    private void refreshPreview() {
        preview.show(instrument());
    }

    /** Saves the draft; answers whether the service took it (its refusals shown at their fields). */
    private boolean saveDraft() {
        try {
            int number = designer.saveDraft(instrument());
            FieldErrors.clear(errorTargets());
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
        targets.put("items", new SpanError(itemsError));
        for (int index = 0; index < items.size(); index++) {
            String prefix = "items." + index + ".";
            items.get(index).errorTargets().forEach((field, target) -> targets.put(prefix + field, target));
        }
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
            int number = designer.publish(code.getValue().trim());
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
        int number = designer.saveDraft(instrument());
        Notification.show(getTranslation("designer.draft-started", number));
        load(savedCode);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("designer.title");
    }

    /** The refusal of the item list as a whole ("1 to 500 items"), shown above it. */
    private record SpanError(Span span) implements HasValidation {
        @Override
        public void setErrorMessage(String errorMessage) {
            span.setText(errorMessage);
        }

        @Override
        public String getErrorMessage() {
            return span.getText();
        }

        @Override
        public void setInvalid(boolean invalid) {
            span.setVisible(invalid);
        }

        @Override
        public boolean isInvalid() {
            return span.isVisible();
        }
    }
}
