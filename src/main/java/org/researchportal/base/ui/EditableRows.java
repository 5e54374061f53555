package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A list of rows a person adds to and removes from (a study's measures, criteria, timepoints, strata), with one error
 * line under it where the service's refusal of the list is shown ({@link FieldErrors}).
 */
public class EditableRows<R extends Component> extends Div implements HasValidation {

    private final List<R> rows = new ArrayList<>();
    private final Div list = new Div();
    private final Span error = new Span();
    private final Supplier<R> newRow;
    private Consumer<R> onAdd = row -> {};
    private Predicate<R> removable = row -> true;

    public EditableRows(String addLabel, Supplier<R> newRow) {
        this.newRow = newRow;
        addClassName("editable-rows");
        error.addClassName("field-error");
        error.setVisible(false);
        var add = new Button(addLabel, e -> addRow(newRow.get()));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(list, error, add);
    }

    /** Called with each row added from now on, e.g. to watch its fields for unsaved changes. */
    public void onRowAdded(Consumer<R> listener) {
        this.onAdd = listener;
    }

    /** Which rows offer a remove button (a study's existing arms, say, must stay); every row unless told. */
    public void setRemovable(Predicate<R> removable) {
        this.removable = removable;
    }

    public void setRows(List<R> newRows) {
        rows.clear();
        list.removeAll();
        newRows.forEach(this::addRow);
    }

    public List<R> rows() {
        return List.copyOf(rows);
    }

    /** Adds an empty row, as the add button does. */
    public R addEmptyRow() {
        R row = newRow.get();
        addRow(row);
        return row;
    }

    private void addRow(R row) {
        var line = new HorizontalLayout(row);
        line.addClassName("editable-rows__row");
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setWidthFull();
        // The remove button stays on its row: the row starts from no width and takes the space beside the button
        // (its own fields wrap inside it), and the button never shrinks or wraps below.
        line.setWrap(false);
        row.getElement().getStyle().set("flex", "1 1 0").set("min-width", "0");
        if (removable.test(row)) {
            var remove = new Button(getTranslation("action.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.getElement().getStyle().set("flex", "none");
            remove.addClickListener(e -> {
                rows.remove(row);
                list.remove(line);
            });
            line.add(remove);
        }
        rows.add(row);
        list.add(line);
        onAdd.accept(row);
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        error.setText(errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return error.getText();
    }

    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
    }

    @Override
    public boolean isInvalid() {
        return error.isVisible();
    }
}
