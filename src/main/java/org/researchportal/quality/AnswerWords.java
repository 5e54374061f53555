package org.researchportal.quality;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.Item;
import org.researchportal.base.ui.Formats;
import org.researchportal.identity.PeopleNames;

/** Values in a reader's words: an instrument's answers by item type, yes and no, dates, lists of named codes. */
final class AnswerWords {

    private final I18NProvider translations;
    private final Locale locale;
    private final ZoneId zone;
    private final PeopleNames people;

    AnswerWords(I18NProvider translations, Locale locale, ZoneId zone, PeopleNames people) {
        this.translations = translations;
        this.locale = locale;
        this.zone = zone;
        this.people = people;
    }

    Locale locale() {
        return locale;
    }

    /** Who did something, by name (see {@link PeopleNames#shown}). */
    String person(@Nullable String usernameOrAccountId) {
        return people.shown(usernameOrAccountId, locale);
    }

    String time(@Nullable Instant instant) {
        return Formats.dateTime(instant, zone, locale);
    }

    /** Words kept in both languages (a study's measure, criterion or timepoint), in the reader's. */
    String either(String en, @Nullable String zh) {
        return locale.getLanguage().equals("zh") && zh != null && !zh.isBlank() ? zh : en;
    }

    String text(String key, Object... arguments) {
        return translations.getTranslation(key, locale, arguments);
    }

    String yesNo(@Nullable Boolean value) {
        return value == null ? Formats.text(null) : text(value ? "answer.yes" : "answer.no");
    }

    String date(@Nullable LocalDate date) {
        return Formats.date(date, locale);
    }

    String number(@Nullable Number value) {
        return value == null ? Formats.text(null) : value.toString();
    }

    /** Each code's words (a side effect, a counselling topic), in the reader's alphabetical order. */
    String list(Collection<String> keys) {
        return keys.isEmpty() ? Formats.text(null)
                : keys.stream().map(this::text).sorted().collect(Collectors.joining(", "));
    }

    /**
     * An instrument's answer as the form shows it: a choice's words, a scale's value with its anchor's words, a
     * number with its unit, yes or no, a date in the reader's format.
     */
    String answer(Item item, String raw) {
        return switch (item.type()) {
            case SINGLE_CHOICE -> choice(item, raw);
            case MULTIPLE_CHOICE -> Arrays.stream(raw.split(",")).map(String::trim).filter(c -> !c.isEmpty())
                    .map(c -> choice(item, c)).collect(Collectors.joining(", "));
            case SCALE -> item.choice(raw).map(anchor -> raw + " (" + anchor.label().in(locale) + ")").orElse(raw);
            case YES_NO -> "1".equals(raw) ? text("answer.yes") : "0".equals(raw) ? text("answer.no") : raw;
            case DATE -> parsedDate(raw);
            case NUMBER, INTEGER -> item.unit() == null ? raw : raw + " " + item.unit();
            default -> raw;
        };
    }

    private String choice(Item item, String code) {
        return item.choice(code).map(c -> c.label().in(locale)).orElse(code);
    }

    private String parsedDate(String raw) {
        try {
            return date(LocalDate.parse(raw));
        } catch (DateTimeParseException e) {
            return raw;
        }
    }
}
