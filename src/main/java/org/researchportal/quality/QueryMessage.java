package org.researchportal.quality;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.storage.PersonalText;
import org.springframework.data.convert.ValueConverter;

/**
 * One step of a query's thread: who did it (with their name as it was, and the role they acted in), when, what, and
 * its text; a correction names the value before and after.
 *
 * @param textZh the text in Chinese, when it was written in both (an edit check's)
 * @param role the role the person acted in; {@code null} for the system (an edit check)
 */
public record QueryMessage(String by, @ValueConverter(PersonalText.class) String byName, @Nullable PortalRole role,
        Instant at, Kind kind, String text,
        @Nullable String textZh, @Nullable String oldValue, @Nullable String newValue) {

    /** The text in the reader's language: an edit check words its query in both. */
    public String text(Locale locale) {
        return textZh != null && locale.getLanguage().equals("zh") ? textZh : text;
    }

    public enum Kind {
        RAISED, ANSWERED_WITH_CORRECTION, ANSWERED_WITH_EXPLANATION, CLOSED, REOPENED;

        public String messageKey() {
            return "query.message." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
