package org.researchportal.exercise;

import java.util.ArrayList;
import java.util.List;

/** A dosage in the reader's words: "2 sets of 10 · hold 5 s · 10 min", only the parts that apply. */
public final class DosageText {

    /** Texts by key in the reader's language: a view's getTranslation, or the portal's translations for a PDF. */
    public interface Words {
        String of(String key, Object... params);
    }

    private DosageText() {
    }

    public static String of(Words owner, Dosage dosage) {
        List<String> parts = new ArrayList<>();
        if (dosage.sets() != null) {
            parts.add(dosage.repetitions() != null
                    ? owner.of("dosage.sets-repetitions", dosage.sets(), dosage.repetitions())
                    : owner.of("dosage.sets", dosage.sets()));
        }
        if (dosage.holdSeconds() != null) {
            parts.add(owner.of("dosage.hold", dosage.holdSeconds()));
        }
        if (dosage.minutes() != null) {
            parts.add(owner.of("dosage.minutes", dosage.minutes()));
        }
        return String.join(" · ", parts);
    }
}
