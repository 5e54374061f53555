package org.researchportal.analysis;

import java.util.List;

/**
 * A sentence of a report, kept as a bundle key and its arguments so each reader gets it in their language. An
 * argument is a number, a date, a text, or a value the view words in the reader's language (a manual's bilingual
 * text, an exercise's dosage).
 */
public record Phrase(String key, List<Object> args) {

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, List.of(args));
    }
}
