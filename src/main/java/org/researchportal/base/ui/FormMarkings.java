package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.DataPoint;
import org.springframework.beans.factory.ObjectProvider;

/** Every {@link FormMarks} bean's marks for a form or a field, in the beans' order. */
@org.springframework.stereotype.Component
public class FormMarkings {

    private final ObjectProvider<FormMarks> marks;

    FormMarkings(ObjectProvider<FormMarks> marks) {
        this.marks = marks;
    }

    public List<Component> forForm(ClinicalForm form) {
        return marks.orderedStream().flatMap(m -> m.forForm(form).stream()).toList();
    }

    public List<Component> forField(DataPoint point) {
        return marks.orderedStream().flatMap(m -> m.forField(point).stream()).toList();
    }
}
