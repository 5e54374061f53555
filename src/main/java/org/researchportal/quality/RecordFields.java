package org.researchportal.quality;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;

/**
 * One field of a form kept as a Java record, read as text and changed from text: how an answer's corrected value
 * reaches a form whose service takes the whole record (an adverse event's report). The field is a component's name,
 * as {@link org.researchportal.base.clinical.ChangedFields} names it.
 */
final class RecordFields {

    private RecordFields() {
    }

    static @Nullable String read(Record record, String field) {
        Object value = value(record, component(record, field));
        return value == null ? null : value.toString();
    }

    /** The record with one field set from text; a text that is no value of the field's type is refused. */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String field, String text) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        RecordComponent changed = component(record, field);
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(changed.getName()) ? parsed(changed.getType(), text.strip())
                    : value(record, components[i]);
        }
        try {
            var constructor = record.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return (R) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw ValidationException.of("value", "query.value.invalid");
        }
    }

    private static RecordComponent component(Record record, String field) {
        return Arrays.stream(record.getClass().getRecordComponents()).filter(c -> c.getName().equals(field))
                .findFirst().orElseThrow(() -> ValidationException.of("item", "query.item.invalid"));
    }

    private static @Nullable Object value(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static @Nullable Object parsed(Class<?> type, String text) {
        try {
            if (type == String.class) {
                return text;
            }
            if (text.isEmpty()) {
                if (type.isPrimitive()) {
                    throw ValidationException.of("value", "query.value.invalid");
                }
                return null;
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(text);
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(text);
            }
            if (type == Boolean.class || type == boolean.class) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw ValidationException.of("value", "query.value.invalid");
                }
                return Boolean.valueOf(text);
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<Enum>) type, text.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ValidationException.of("value", "query.value.invalid");
        }
        throw ValidationException.of("value", "query.correction.not-offered");
    }
}
