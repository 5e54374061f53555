package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.List;
import org.researchportal.exercise.Dosage;

/** A dosage in the reader's words: "2 sets of 10 · hold 5 s · 10 min", only the parts that apply. */
final class DosageText {

    private DosageText() {
    }

    static String of(Component owner, Dosage dosage) {
        List<String> parts = new ArrayList<>();
        if (dosage.sets() != null) {
            parts.add(dosage.repetitions() != null
                    ? owner.getTranslation("dosage.sets-repetitions", dosage.sets(), dosage.repetitions())
                    : owner.getTranslation("dosage.sets", dosage.sets()));
        }
        if (dosage.holdSeconds() != null) {
            parts.add(owner.getTranslation("dosage.hold", dosage.holdSeconds()));
        }
        if (dosage.minutes() != null) {
            parts.add(owner.getTranslation("dosage.minutes", dosage.minutes()));
        }
        return String.join(" · ", parts);
    }
}
