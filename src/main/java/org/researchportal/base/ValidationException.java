package org.researchportal.base;

import java.util.List;
import java.util.Map;

/**
 * Input a service refused, with a translation key per field so the form can show each message at its field.
 * Services validate whatever the UI already checked: the UI is not the only gate. A message may carry arguments
 * (where in an expression, which row of a file) for its translation's placeholders.
 */
public class ValidationException extends RuntimeException {

    private final Map<String, String> fieldMessageKeys;
    private final Map<String, List<Object>> arguments;

    public ValidationException(Map<String, String> fieldMessageKeys) {
        this(fieldMessageKeys, Map.of());
    }

    public ValidationException(Map<String, String> fieldMessageKeys, Map<String, List<Object>> arguments) {
        super("Invalid input: " + fieldMessageKeys + (arguments.isEmpty() ? "" : " " + arguments));
        this.fieldMessageKeys = Map.copyOf(fieldMessageKeys);
        this.arguments = Map.copyOf(arguments);
    }

    public static ValidationException of(String field, String messageKey) {
        return new ValidationException(Map.of(field, messageKey));
    }

    /** A refusal whose message fills placeholders ({0}, {1}, ...) with these arguments. */
    public static ValidationException of(String field, String messageKey, Object... arguments) {
        return new ValidationException(Map.of(field, messageKey), Map.of(field, List.of(arguments)));
    }

    /** Field name to translation key. */
    public Map<String, String> fieldMessageKeys() {
        return fieldMessageKeys;
    }

    /** The arguments of a field's message; empty when it has none. */
    public Object[] arguments(String field) {
        return arguments.getOrDefault(field, List.of()).toArray();
    }
}
