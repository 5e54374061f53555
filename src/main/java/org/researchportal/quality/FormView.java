package org.researchportal.quality;

import java.util.List;
import org.researchportal.base.clinical.ClinicalForm;

/**
 * One form of a participant's data as its reader sees it, in the reader's language: what it is, when and by whom it
 * was entered, and each field with its value as shown.
 *
 * @param title e.g. "Brief Pain Inventory (short form) · Baseline"
 * @param detail e.g. "Version 1 · assessed on Dec 6, 2026 · entered by Assessor Demo"
 */
public record FormView(ClinicalForm form, String title, String detail, List<Field> fields) {

    public FormView {
        fields = List.copyOf(fields);
    }

    /**
     * One field: the item it is ({@link ClinicalForm#item(String)}, where queries point), its label and its value.
     */
    public record Field(String item, String label, String shown) {}
}
