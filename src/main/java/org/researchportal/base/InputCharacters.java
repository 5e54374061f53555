package org.researchportal.base;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * The one check every service input's text passes, whatever the form: no invisible control characters (tab and line
 * breaks excepted), no bidirectional overrides or isolates that make a name or a note read differently from what is
 * stored, no broken UTF-16, and nothing longer than any field of the portal can hold. Each refusal names the field
 * (the parameter or record component) so the form shows it there. Field-specific rules (lengths, formats) stay in
 * each service; this only keeps out what no field should take.
 */
final class InputCharacters implements MethodInterceptor {

    /** Longer than any free text the portal keeps (a template, a CSV import of a study, a script). */
    public static final int MAX_LENGTH = 200_000;
    private static final int MAX_DEPTH = 6;
    /** A record type's components, looked up once: the JDK answers a new array on every call. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        Map<String, String> refused = new LinkedHashMap<>();
        Method method = invocation.getMethod();
        Parameter[] parameters = method.getParameters();
        Object[] arguments = invocation.getArguments();
        for (int i = 0; i < arguments.length && i < parameters.length; i++) {
            check(parameters[i].getName(), arguments[i], refused, 0);
        }
        if (!refused.isEmpty()) {
            throw new ValidationException(refused);
        }
        return invocation.proceed();
    }

    /** Why this text cannot be taken (a translation key), or null when it can. */
    public static @Nullable String refusal(String text) {
        if (text.length() > MAX_LENGTH) {
            return "input.too-long";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "input.invalid-characters";
            }
            if (Character.isLowSurrogate(c) || unseen(c)) {
                return "input.invalid-characters";
            }
        }
        return null;
    }

    private static boolean unseen(char c) {
        return (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static void check(String field, @Nullable Object value, Map<String, String> refused, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence text) {
            String key = refusal(text.toString());
            if (key != null) {
                refused.putIfAbsent(field, key);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : COMPONENTS.get(record.getClass())) {
                try {
                    check(component.getName(), component.getAccessor().invoke(record), refused, depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> check(field, item, refused, depth + 1));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                check(field, k, refused, depth + 1);
                check(field, v, refused, depth + 1);
            });
        }
    }
}
