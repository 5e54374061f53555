package org.researchportal.base;

import java.util.Map;

/**
 * Input a service refused, with a translation key per field so the form can show each message at its field.
 * Services validate whatever the UI already checked: the UI is not the only gate.
 */
public class ValidationException extends RuntimeException {

    private final Map<String, String> fieldMessageKeys;

    public ValidationException(Map<String, String> fieldMessageKeys) {
        super("Invalid input: " + fieldMessageKeys);
        this.fieldMessageKeys = Map.copyOf(fieldMessageKeys);
    }

    public static ValidationException of(String field, String messageKey) {
        return new ValidationException(Map.of(field, messageKey));
    }

    /** Field name to translation key. */
    public Map<String, String> fieldMessageKeys() {
        return fieldMessageKeys;
    }
}
