package org.researchportal.base.clinical;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One saved form's values as text, by data-point name (an instrument's item code, a record component's name such as
 * {@code resolvedOn}), as an edit check reads them: numbers as written, dates ISO, yes/no as 1/0, a choice by its
 * code. An unanswered field is absent.
 */
public record FormValues(ClinicalForm form, Map<String, String> values) {

    /** The portal's own fields beside an instrument's items: its timepoint's window for this participant. */
    public static final String WINDOW_OPENS = "windowOpens";
    public static final String WINDOW_CLOSES = "windowCloses";

    public FormValues {
        values = Map.copyOf(values);
    }

    /** A form kept as a Java record: one value per component that has one. */
    public static Map<String, String> of(Record form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RecordComponent field : form.getClass().getRecordComponents()) {
            try {
                Object value = field.getAccessor().invoke(form);
                String text = text(value);
                if (!text.isEmpty()) {
                    values.put(field.getName(), text);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    /** A value as a check reads it; "" for none. */
    public static String text(@Nullable Object value) {
        return switch (value) {
            case null -> "";
            case Boolean yes -> yes ? "1" : "0";
            case Enum<?> choice -> choice.name();
            case LocalDate date -> date.toString();
            case Double number -> number == Math.rint(number) && Math.abs(number) < 1e15
                    ? Long.toString(number.longValue()) : number.toString();
            case Collection<?> many -> many.stream().map(FormValues::text).sorted().collect(Collectors.joining(","));
            case Record nested -> "";
            default -> value.toString();
        };
    }
}
