package org.researchportal.quality.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.DataPoint;

/**
 * What one quality feature (queries, verification and locks, signatures) adds to the forms a monitor or an
 * investigator reads on a participant's data page: beans of this type are asked for each form and each field, in their
 * {@link org.springframework.core.annotation.Order}, so each feature keeps its own pieces in its own class.
 */
interface FormDecoration {

    /** Shown in the form's header: its verification mark, lock, signature. New components on every call. */
    default List<Component> forForm(ClinicalForm form) {
        return List.of();
    }

    /** Shown beside one field: a query marker. New components on every call. */
    default List<Component> forField(DataPoint point) {
        return List.of();
    }
}
