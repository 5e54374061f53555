package org.researchportal.assessments;

/**
 * The kinds of item an instrument holds, each as REDCap's data dictionary spells it (field type and text validation),
 * so an instrument moves between the two unchanged.
 */
public enum ItemType {
    /** A number with decimals, its unit and range: text validated as "number". */
    NUMBER,
    /** A whole number, its unit and range: text validated as "integer". */
    INTEGER,
    /** A whole-number scale from min to max with anchor labels (BPI's 0-10): a REDCap slider. */
    SCALE,
    /** One of the choices: radio. */
    SINGLE_CHOICE,
    /** Any of the choices: checkbox; the answer holds the chosen codes, comma separated. */
    MULTIPLE_CHOICE,
    /** Yes (1) or no (0): yesno. */
    YES_NO,
    /** An ISO date: text validated as "date_ymd". */
    DATE,
    /** Free text: notes. */
    TEXT,
    /** Computed from other items by an expression (a score): calc. Never entered. */
    CALCULATED,
    /** Words shown between items, never answered: descriptive. */
    DESCRIPTIVE;

    /** Whether a person answers it. */
    public boolean answered() {
        return this != CALCULATED && this != DESCRIPTIVE;
    }

    /** Whether its answer is a number (what a score may compute with). */
    public boolean numeric() {
        return this == NUMBER || this == INTEGER || this == SCALE || this == YES_NO || this == CALCULATED;
    }
}
