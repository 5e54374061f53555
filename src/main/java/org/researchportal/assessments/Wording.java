package org.researchportal.assessments;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a person reads, in the portal's two languages: an instrument's name, an item's label, an anchor or a choice.
 * The Chinese may be missing in an imported instrument; the English then shows.
 */
public record Wording(String en, @Nullable String zh) {

    public static @Nullable Wording of(@Nullable String en, @Nullable String zh) {
        return en == null || en.isEmpty() ? null : new Wording(en, zh == null || zh.isEmpty() ? null : zh);
    }

    /** The words in the reader's language. */
    public String in(Locale locale) {
        return locale.getLanguage().equals("zh") && zh != null ? zh : en;
    }
}
