package org.researchportal.base.expression;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * REDCap's {@code datediff(date1, date2, unit[, format][, signed])}: the time from date1 to date2 in the unit "y"
 * (years of 365.2425 days), "M" (months of 30.44 days), "d", "h", "m" or "s", not rounded (REDCap's age is
 * {@code rounddown(datediff([dob], 'today', 'y'))}). Unsigned (the absolute difference) unless the last argument is
 * true, then date2 - date1. Dates are stored as ISO (yyyy-MM-dd, or with " HH:mm[:ss]"); a format "mdy" or "dmy" only
 * serves for dates written in the expression that way. "today" is the evaluation's today. A blank or unreadable date,
 * or an unknown unit, gives blank.
 */
final class DateDifference {

    static final Set<String> UNITS = Set.of("y", "M", "d", "h", "m", "s");
    private static final Map<String, Double> SECONDS_PER_UNIT = Map.of("y", 365.2425 * 86400, "M", 30.44 * 86400,
            "d", 86400.0, "h", 3600.0, "m", 60.0, "s", 1.0);
    private static final Map<String, DateTimeFormatter> WRITTEN_FORMATS = Map.of(
            "mdy", DateTimeFormatter.ofPattern("M/d/uuuu"),
            "dmy", DateTimeFormatter.ofPattern("d/M/uuuu"));

    private DateDifference() {
    }

    static Value of(List<Value> args, LocalDate today) {
        Double perUnit = SECONDS_PER_UNIT.get(args.get(2).asText());
        String format = args.size() > 3 && args.get(3).isText() ? args.get(3).asText().toLowerCase(Locale.ROOT) : "ymd";
        boolean signed = args.size() > 3 && !args.get(args.size() - 1).isText() && args.get(args.size() - 1).isTrue();
        LocalDateTime from = read(args.get(0), format, today);
        LocalDateTime to = read(args.get(1), format, today);
        if (perUnit == null || from == null || to == null) {
            return Value.blank();
        }
        double difference = Duration.between(from, to).toSeconds() / perUnit;
        return Value.number(signed ? difference : Math.abs(difference));
    }

    private static @Nullable LocalDateTime read(Value value, String format, LocalDate today) {
        String text = value.asText().strip();
        if (text.equalsIgnoreCase("today")) {
            return today.atStartOfDay();
        }
        try {
            if (text.length() == 10 && text.charAt(4) == '-') {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (text.length() > 10 && text.charAt(4) == '-') {
                return LocalDateTime.parse(text.replace(' ', 'T'));
            }
            DateTimeFormatter written = WRITTEN_FORMATS.get(format);
            return written == null ? null : LocalDate.parse(text.replace('-', '/'), written).atStartOfDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
