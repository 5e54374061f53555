package org.researchportal.base.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Dates as people read them in their language, and file sizes; an absent date shows as a dash, never as "null".
 */
public final class Formats {

    private static final String NONE = "–";

    private Formats() {
    }

    /**
     * The one way a date is written in each language, in tables and in date pickers ({@link DatePickers}) alike:
     * Dec 6, 2026 and 2026年12月6日. Quoted literals, so the browser's date-fns reads the pattern as java.time does.
     */
    public static String datePattern(Locale locale) {
        return locale.getLanguage().equals("zh") ? "yyyy'年'M'月'd'日'" : "MMM d, yyyy";
    }

    public static String date(@Nullable LocalDate date, Locale locale) {
        return date == null ? NONE : DateTimeFormatter.ofPattern(datePattern(locale), locale).format(date);
    }

    /** A date as compact as the locale writes it (2026/11/15, 11/15/26): for dense tables. */
    public static String shortDate(@Nullable LocalDate date, Locale locale) {
        return date == null ? NONE
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale).format(date);
    }

    public static String dateTime(@Nullable Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? NONE
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                        .format(instant.atZone(zone));
    }

    /** A file's size in whole kilobytes (at least 1), as the documents list shows it. */
    public static String fileSize(long bytes) {
        return Math.max(1, bytes / 1024) + " KB";
    }

    public static String text(@Nullable String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
