package org.researchportal.messaging;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What staff see of a message that carries a sign-in link: the link with its token masked ({@code /l/•••},
 * {@code /set-password/•••}). Opening the real link would sign in as the participant or set their password, so only
 * the sender ever reads it, and the outbox shows the masked text while the message waits, after it went out, always.
 */
final class LinkMask {

    /** The tokens of participant links and set-password links, wherever they stand in a text or an HTML body. */
    private static final Pattern TOKEN = Pattern.compile("(/l/|/set-password/)[A-Za-z0-9_-]+");
    static final String MASK = "•••";
    private static final Pattern CODE = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    private LinkMask() {
    }

    static String masked(String text) {
        return TOKEN.matcher(text).replaceAll("$1" + MASK);
    }

    /** The text with every one-time code (a run of six digits) masked, as well as the links. */
    static String codesMasked(String text) {
        return CODE.matcher(masked(text)).replaceAll(MASK);
    }

    static @Nullable String maskedOrNull(@Nullable String text) {
        return text == null ? null : masked(text);
    }
}
