package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.exercise.Dosage;

/** The four parts of a dosage as number fields (sets, repetitions, hold, minutes); only what applies is filled in. */
final class DosageFields {

    final IntegerField sets;
    final IntegerField repetitions;
    final IntegerField hold;
    final IntegerField minutes;

    DosageFields(Component owner, Dosage dosage) {
        sets = number(owner, "programme.sets", dosage.sets(), Dosage.MAX_SETS);
        repetitions = number(owner, "programme.repetitions", dosage.repetitions(), Dosage.MAX_REPETITIONS);
        hold = number(owner, "programme.hold", dosage.holdSeconds(), Dosage.MAX_HOLD_SECONDS);
        minutes = number(owner, "programme.minutes", dosage.minutes(), Dosage.MAX_MINUTES);
    }

    Dosage value() {
        return new Dosage(sets.getValue(), repetitions.getValue(), hold.getValue(), minutes.getValue());
    }

    List<IntegerField> all() {
        return List.of(sets, repetitions, hold, minutes);
    }

    static IntegerField number(Component owner, String label, @Nullable Integer value, int max) {
        var field = new IntegerField(owner.getTranslation(label));
        field.setMin(1);
        field.setMax(max);
        field.setValue(value);
        field.setStepButtonsVisible(true);
        return field;
    }
}
