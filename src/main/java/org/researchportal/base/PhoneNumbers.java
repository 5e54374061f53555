package org.researchportal.base;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Participants' phone numbers as the SMS provider needs them: validated with libphonenumber and kept in E.164
 * (+8613812345678). A number typed without its country code is read in the installation's region.
 */
@Component
public class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String region;

    PhoneNumbers(BaseProperties settings) {
        this.region = settings.phone().defaultRegion();
    }

    /** The number in E.164 if it is a valid number, reading a number without a country code in this region. */
    public Optional<String> normalise(@Nullable String raw) {
        return e164(raw, region);
    }

    /** Absent, or a valid number in any form (for fields that may stay empty). */
    public boolean isOptionalValid(@Nullable String raw) {
        return Inputs.blankToNull(raw) == null || normalise(raw).isPresent();
    }

    /** The number in E.164, if it is a valid number; a number without a country code is read in the given region. */
    public static Optional<String> e164(@Nullable String raw, @Nullable String defaultRegion) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            var number = UTIL.parse(raw, defaultRegion == null ? "ZZ" : defaultRegion);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }
}
