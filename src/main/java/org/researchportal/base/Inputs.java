package org.researchportal.base;

import org.jspecify.annotations.Nullable;

/** The shapes of free input that services check, in one place so every form and service agrees. */
public final class Inputs {

    public static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final String PHONE_PATTERN = "\\+?[0-9 ()-]{6,24}";

    private Inputs() {
    }

    public static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static boolean isBlankOrLonger(@Nullable String value, int max) {
        return value == null || value.isBlank() || value.trim().length() > max;
    }

    /** Absent, or a plausible email address. */
    public static boolean isOptionalEmail(@Nullable String value) {
        String email = blankToNull(value);
        return email == null || (email.length() <= EMAIL_MAX_LENGTH && email.matches(EMAIL_PATTERN));
    }

    /** Absent, or a plausible phone number: digits, spaces, brackets and hyphens, with an optional leading +. */
    public static boolean isOptionalPhone(@Nullable String value) {
        String phone = blankToNull(value);
        return phone == null || phone.matches(PHONE_PATTERN);
    }
}
