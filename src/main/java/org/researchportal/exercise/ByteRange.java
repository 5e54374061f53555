package org.researchportal.exercise;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One byte range of a file, from a {@code Range} request header (RFC 9110): {@code bytes=a-b}, {@code bytes=a-} or
 * the last n bytes, {@code bytes=-n}. A video player seeks with these. Several ranges in one request, or a unit other
 * than bytes, are answered with the whole file, as the RFC allows; a malformed or unsatisfiable byte range is refused
 * (416).
 */
record ByteRange(long first, long last) {

    /** The range cannot be served from a file of this size: answer 416 with {@code Content-Range: bytes *}/size. */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d{0,18})\\s*-\\s*(\\d{0,18})\\s*");

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The range asked for, or empty for the whole file. */
    static Optional<ByteRange> of(@Nullable String header, long size) throws Unsatisfiable {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return Optional.empty();
        }
        if (value.contains(",")) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher("bytes=" + value.substring(6));
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty()) || size == 0) {
            throw new Unsatisfiable();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
        if (first > last || first >= size) {
            throw new Unsatisfiable();
        }
        return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    }
}
