package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.DataPoint;

/**
 * What one data-quality feature (queries, verification and locks, signatures) shows on a clinical form wherever it
 * is read or entered: the site's entry forms and the monitor's and investigator's data pages. Beans of this type live
 * in the module that owns the feature; forms ask them through {@link FormMarkings}, so a form's module need not know
 * that module.
 */
public interface FormMarks {

    /** Shown in the form's header: its verification mark, lock, signature. New components on every call. */
    default List<Component> forForm(ClinicalForm form) {
        return List.of();
    }

    /** Shown beside one field: a query marker. New components on every call. */
    default List<Component> forField(DataPoint point) {
        return List.of();
    }
}
