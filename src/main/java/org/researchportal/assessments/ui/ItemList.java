package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.researchportal.assessments.Item;

/** An instrument's items in the designer, in order: added, removed and moved up or down, each in its own card. */
final class ItemList extends Composite<Div> {

    private final List<ItemEditor> editors = new ArrayList<>();
    private final Div cards = new Div();
    private final Span error = new Span();
    private final Button add = new Button();
    private final Runnable changed;
    private final Consumer<ItemEditor> added;
    private final Runnable rearranged;
    private boolean editable = true;

    /**
     * @param changed runs after any change to the items (to refresh the preview)
     * @param added receives each item's editor as it is made (to watch its fields for unsaved changes)
     * @param rearranged runs when the person adds, removes or moves an item (an unsaved change too)
     */
    ItemList(Runnable changed, Consumer<ItemEditor> added, Runnable rearranged) {
        this.changed = changed;
        this.added = added;
        this.rearranged = rearranged;
        error.addClassName("field-error");
        error.setVisible(false);
        cards.addClassName("designer-items");
        add.setText(getTranslation("designer.item.add"));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add.addClickListener(e -> {
            insert(new ItemEditor(null), editors.size());
            rearranged.run();
            changed.run();
        });
        getContent().add(error, cards, add);
    }

    void setItems(List<Item> items) {
        editors.clear();
        items.forEach(i -> insert(new ItemEditor(i), editors.size()));
        draw();
    }

    /** The items as their fields stand, in order. */
    List<Item> items() {
        return editors.stream().map(ItemEditor::item).toList();
    }

    /** A published version's items are only read. */
    void setEditable(boolean editable) {
        this.editable = editable;
        editors.forEach(e -> e.setReadOnly(!editable));
        add.setVisible(editable);
        draw();
    }

    /** Where each refusal of the service is shown: "items" above the list, "items.3.showWhen" at its field. */
    Map<String, HasValidation> errorTargets() {
        Map<String, HasValidation> targets = new LinkedHashMap<>();
        targets.put("items", new SpanError(error));
        for (int index = 0; index < editors.size(); index++) {
            String prefix = "items." + index + ".";
            editors.get(index).errorTargets().forEach((field, target) -> targets.put(prefix + field, target));
        }
        return targets;
    }

    private void insert(ItemEditor editor, int index) {
        editor.onChange(changed);
        added.accept(editor);
        editors.add(index, editor);
        draw();
    }

    private void draw() {
        cards.removeAll();
        for (int index = 0; index < editors.size(); index++) {
            int at = index;
            var up = new Button(getTranslation("designer.item.up"), e -> move(at, at - 1));
            var down = new Button(getTranslation("designer.item.down"), e -> move(at, at + 1));
            var remove = new Button(getTranslation("action.remove"), e -> {
                editors.remove(at);
                draw();
                rearranged.run();
                changed.run();
            });
            List.of(up, down, remove).forEach(b -> {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                b.setVisible(editable);
            });
            up.setEnabled(index > 0);
            down.setEnabled(index < editors.size() - 1);
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            var card = new Div(new HorizontalLayout(new H3(getTranslation("designer.item.number", index + 1)), up,
                    down, remove), editors.get(index));
            card.addClassNames("card", "designer-item");
            cards.add(card);
        }
    }

    private void move(int from, int to) {
        editors.add(to, editors.remove(from));
        draw();
        rearranged.run();
        changed.run();
    }

    /** The refusal of the list as a whole ("1 to 500 items"), shown above it. */
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
