package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.router.BeforeLeaveEvent;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * Warns before a half-filled form is lost. A view keeps one of these and each of its forms registers its fields; a
 * form with changes not yet saved makes leaving the view (a menu link, Back) ask first, and makes the browser's own
 * prompt appear on reload or close (a {@code beforeunload} handler set through {@code executeJs}: no custom bundle).
 * A form calls {@link Form#saved()} once its changes are stored.
 */
public final class UnsavedChanges implements Serializable {

    private final Set<Form> changed = new HashSet<>();
    private final Component owner;

    /** For the view (or dialog) whose forms are watched; the browser prompt is removed when it is left. */
    public UnsavedChanges(Component owner) {
        this.owner = owner;
        owner.addDetachListener(e -> prompt(e.getUI(), false));
    }

    /** A new form of this view, watching the given fields. */
    public Form form(HasValue<?, ?>... fields) {
        var form = new Form();
        form.watch(fields);
        return form;
    }

    /** A new form of this view, watching every field inside the given component (built whole beforehand). */
    public Form formOf(Component root) {
        var form = new Form();
        form.watchAll(root);
        return form;
    }

    /**
     * For a dialog form: Escape or a click outside no longer drops what was typed without asking. Its buttons (save,
     * cancel) close it as before; call once the dialog's fields are built.
     */
    public static void guardClosing(Dialog dialog) {
        var changes = new UnsavedChanges(dialog);
        changes.formOf(dialog);
        dialog.addDialogCloseActionListener(e -> {
            if (!changes.any()) {
                dialog.close();
                return;
            }
            var confirm = changes.confirmation();
            confirm.addConfirmListener(yes -> {
                changes.reset();
                dialog.close();
            });
            confirm.open();
        });
    }

    /** For a view that rebuilds its forms from what is stored (after a save): nothing is unsaved any more. */
    public void reset() {
        changed.clear();
        if (UI.getCurrent() != null) {
            prompt(UI.getCurrent(), false);
        }
    }

    public boolean any() {
        return !changed.isEmpty();
    }

    /**
     * From the view's {@code beforeLeave}: with changes, the navigation waits for the person to confirm that they
     * may be discarded; otherwise it goes on at once.
     */
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!any()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction leave = event.postpone();
        var confirm = confirmation();
        confirm.addConfirmListener(e -> {
            changed.clear();
            prompt(UI.getCurrent(), false);
            leave.proceed();
        });
        confirm.open();
    }

    private ConfirmDialog confirmation() {
        var confirm = new ConfirmDialog();
        confirm.setHeader(owner.getTranslation("unsaved.title"));
        confirm.setText(owner.getTranslation("unsaved.message"));
        confirm.setCancelable(true);
        confirm.setCancelText(owner.getTranslation("unsaved.stay"));
        confirm.setConfirmText(owner.getTranslation("unsaved.leave"));
        confirm.setConfirmButtonTheme("error primary");
        return confirm;
    }

    private void changed(Form form, boolean unsaved) {
        boolean before = any();
        if (unsaved) {
            changed.add(form);
        } else {
            changed.remove(form);
        }
        if (before != any() && UI.getCurrent() != null) {
            prompt(UI.getCurrent(), any());
        }
    }

    /** The browser's own "leave site?" prompt, on while something is unsaved. */
    private static void prompt(UI ui, boolean on) {
        ui.getPage().executeJs("window.onbeforeunload = $0 ? function (e) { e.preventDefault(); "
                + "e.returnValue = ''; return ''; } : null;", on);
    }

    /** One form's fields: changed once the person edits one, unchanged again once saved. */
    public final class Form implements Serializable {

        private Form() {
        }

        public void watch(HasValue<?, ?>... fields) {
            for (HasValue<?, ?> field : fields) {
                field.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        changed(this, true);
                    }
                });
            }
        }

        /** Every field inside the component, as built so far. */
        public void watchAll(Component component) {
            if (component instanceof HasValue<?, ?> field) {
                // A field group (radio buttons, check boxes) is one field: its parts are not watched again.
                watch(field);
                return;
            }
            component.getChildren().forEach(this::watchAll);
        }

        /** A change that is not a field's (rows added, removed or moved). */
        public void markChanged() {
            changed(this, true);
        }

        public void saved() {
            changed(this, false);
        }
    }
}
