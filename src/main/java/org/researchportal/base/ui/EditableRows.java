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
    private Consumer<R> onAdd = row -> { };

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
        var remove = new Button(getTranslation("action.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        var line = new HorizontalLayout(row, remove);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setWidthFull();
        // A row's fields wrap on a narrow screen; the row takes the space left beside its remove button.
        line.setWrap(true);
        line.setFlexGrow(1, row);
        row.getElement().getStyle().set("min-width", "0");
        remove.addClickListener(e -> {
            rows.remove(row);
            list.remove(line);
        });
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
