package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.List;

/** Puts what {@link FormMarkings} marks on a field beside it, the same way in every form. */
public final class MarksBeside {

    private MarksBeside() {
    }

    /** The field with its marks beside it, or the field alone when nothing marks it. */
    public static Component field(Component field, List<Component> marks) {
        if (marks.isEmpty()) {
            return field;
        }
        var marked = new Div(field, row(marks));
        marked.addClassName("marked-field");
        return marked;
    }

    /** The marks in a row of their own (for a field shown as text). */
    public static Div row(List<Component> marks) {
        var row = new Div();
        row.addClassName("field-marks");
        marks.forEach(row::add);
        return row;
    }
}
