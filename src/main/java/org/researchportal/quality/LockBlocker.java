package org.researchportal.quality;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One reason a study's database cannot be locked yet, in words for the reader: a translation key with its arguments,
 * and the participant it is about when it is about one.
 */
public record LockBlocker(String messageKey, List<Object> arguments, @Nullable String participantId) {

    public LockBlocker {
        arguments = List.copyOf(arguments);
    }
}
