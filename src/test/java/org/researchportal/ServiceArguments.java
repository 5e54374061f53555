package org.researchportal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;

/**
 * Arguments for any public service operation, made from its parameter types by reflection: the one generator behind
 * the suites that call every operation (hostile input, the cross-tenant attack). What each plain value is comes from
 * the suite's {@link Values}; collections, maps and records are built from them here, the same way for all.
 */
public final class ServiceArguments {

    private static final int MAX_DEPTH = 8;

    /** Where a suite's plain values come from. */
    public interface Values {

        /** A text, an id, a code: whatever a String parameter gets. */
        String text();

        boolean aBoolean();

        int anInt();

        long aLong();

        double aDouble();

        /** One of an enum's constants. */
        int below(int bound);

        LocalDate date();

        LocalTime time();

        Instant instant();

        ZoneId zone();

        Duration duration();

        Locale locale();

        Pageable page();

        byte[] bytes();

        /** How many elements a collection or map gets. */
        int howMany();

        /**
         * Whether to try other values when a record's own check refuses the ones made (a hostile suite does: the
         * refusal is a finding too, and the operation still gets called); otherwise the operation gets no arguments.
         */
        boolean retryRefusedRecords();
    }

    private ServiceArguments() {
    }

    /** Arguments for the method, or null when a parameter's type cannot be made. */
    public static Object @Nullable [] of(Method method, Values values) {
        Type[] types = method.getGenericParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            arguments[i] = value(types[i], values, 0);
            if (arguments[i] == null) {
                return null;
            }
        }
        return arguments;
    }

    private static @Nullable Object value(Type type, Values values, int depth) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        Type[] typeArguments = type instanceof ParameterizedType p ? p.getActualTypeArguments()
                : new Type[] {String.class, String.class};
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (raw == String.class || raw == Object.class || raw == CharSequence.class) {
            return values.text();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return values.aBoolean();
        }
        if (raw == int.class || raw == Integer.class) {
            return values.anInt();
        }
        if (raw == long.class || raw == Long.class) {
            return values.aLong();
        }
        if (raw == double.class || raw == Double.class) {
            return values.aDouble();
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[values.below(raw.getEnumConstants().length)];
        }
        Object plain = plain(raw, values);
        if (plain != null) {
            return plain;
        }
        if (raw == Set.class || raw == List.class || raw == Collection.class) {
            List<Object> items = new ArrayList<>();
            for (int i = values.howMany(); i > 0; i--) {
                Object item = value(typeArguments[0], values, depth + 1);
                if (item == null) {
                    return null;
                }
                items.add(item);
            }
            return raw == Set.class ? new HashSet<>(items) : items;
        }
        if (raw == Map.class) {
            Map<Object, Object> map = new HashMap<>();
            for (int i = values.howMany(); i > 0; i--) {
                Object key = value(typeArguments[0], values, depth + 1);
                Object val = value(typeArguments[1], values, depth + 1);
                if (key == null || val == null) {
                    return null;
                }
                map.put(key, val);
            }
            return map;
        }
        if (raw.isRecord()) {
            return record(type, raw, values, depth);
        }
        return null;
    }

    /** The value types that need no parts: dates and times, paging, streams. */
    private static @Nullable Object plain(Class<?> raw, Values values) {
        if (raw == LocalDate.class) {
            return values.date();
        }
        if (raw == LocalTime.class) {
            return values.time();
        }
        if (raw == LocalDateTime.class) {
            return values.date().atTime(values.time());
        }
        if (raw == Instant.class) {
            return values.instant();
        }
        if (raw == YearMonth.class) {
            return YearMonth.from(values.date());
        }
        if (raw == ZoneId.class) {
            return values.zone();
        }
        if (raw == Duration.class) {
            return values.duration();
        }
        if (raw == Locale.class) {
            return values.locale();
        }
        if (raw == Pageable.class) {
            return values.page();
        }
        if (raw == byte[].class) {
            return values.bytes();
        }
        if (raw == InputStream.class) {
            return new ByteArrayInputStream(values.bytes());
        }
        if (raw == OutputStream.class) {
            return new ByteArrayOutputStream();
        }
        if (raw == Writer.class) {
            return new StringWriter();
        }
        if (raw == Optional.class) {
            return Optional.empty();
        }
        return null;
    }

    private static @Nullable Object record(Type type, Class<?> raw, Values values, int depth) {
        RecordComponent[] components = raw.getRecordComponents();
        Object[] parts = new Object[components.length];
        Class<?>[] classes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            classes[i] = components[i].getType();
            parts[i] = value(components[i].getGenericType(), values, depth + 1);
            if (parts[i] == null) {
                return null;
            }
        }
        try {
            var constructor = raw.getDeclaredConstructor(classes);
            constructor.setAccessible(true);
            return constructor.newInstance(parts);
        } catch (InvocationTargetException refusedByTheRecord) {
            // A record that checks itself refused these values.
            return values.retryRefusedRecords() ? value(type, values, depth + 1) : null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
