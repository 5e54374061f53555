package org.researchportal.exercise;

import java.util.Locale;

/** A text of the manual in both the portal's languages; each reader gets theirs. */
public record Text(String en, String zh) {

    public String in(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }
}
