package org.researchportal.exercise.ui;

import com.vaadin.flow.component.textfield.IntegerField;

/** A required whole number in a range, with step buttons for thumbs; an empty field reads as out of range. */
final class ScoreField extends IntegerField {

    ScoreField(String label, int min, int max) {
        super(label);
        setMin(min);
        setMax(max);
        setStepButtonsVisible(true);
        setRequired(true);
        setWidthFull();
    }

    /** The value, or -1 when empty, so the service's range message is the one the person sees. */
    int valueOrOutOfRange() {
        Integer value = getValue();
        return value == null ? -1 : value;
    }
}
