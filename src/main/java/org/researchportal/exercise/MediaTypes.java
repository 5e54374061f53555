package org.researchportal.exercise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Tells a video's or picture's type from its first bytes, not from its name: MP4 (an ISO media "ftyp" box with a
 * brand browsers play), WebM (an EBML header naming the "webm" document type), PNG and JPEG (never SVG, which can
 * carry script). And checks captions are WebVTT: UTF-8 text that starts with "WEBVTT" and holds at least one cue.
 */
final class MediaTypes {

    static final String MP4 = "video/mp4";
    static final String WEBM = "video/webm";
    /** Enough of the start of a file to tell its type. */
    static final int SNIFF_BYTES = 64;
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "M4V ", "dash", "msnv");
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

    private MediaTypes() {
    }

    static Optional<String> detect(byte[] head) {
        if (head.length >= 12 && "ftyp".equals(ascii(head, 4, 4)) && MP4_BRANDS.contains(ascii(head, 8, 4))) {
            return Optional.of(MP4);
        }
        if (head.length >= 4 && head[0] == EBML[0] && head[1] == EBML[1] && head[2] == EBML[2] && head[3] == EBML[3]
                && new String(head, StandardCharsets.ISO_8859_1).contains("webm")) {
            return Optional.of(WEBM);
        }
        return Optional.empty();
    }

    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    static Optional<String> detectPicture(byte[] head) {
        if (head.length >= PNG_SIGNATURE.length && java.util.Arrays.equals(head, 0, PNG_SIGNATURE.length,
                PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return Optional.of(PNG);
        }
        if (head.length >= 3 && head[0] == (byte) 0xFF && head[1] == (byte) 0xD8 && head[2] == (byte) 0xFF) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    /** The largest picture side accepted: a small file can still claim a huge image that would exhaust memory. */
    static final int PICTURE_MAX_SIDE = 4000;

    /** Whether a PNG or JPEG declares a size within bounds, read from its header without decoding the image. */
    static boolean fitsPicture(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.getWidth(0) <= PICTURE_MAX_SIDE && reader.getHeight(0) <= PICTURE_MAX_SIDE;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    static String extension(String type) {
        return switch (type) {
            case WEBM -> ".webm";
            case PNG -> ".png";
            case JPEG -> ".jpg";
            default -> ".mp4";
        };
    }

    static boolean isWebVtt(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        boolean signature = text.equals("WEBVTT") || text.startsWith("WEBVTT\n") || text.startsWith("WEBVTT\r")
                || text.startsWith("WEBVTT ") || text.startsWith("WEBVTT\t");
        return signature && text.lines().anyMatch(line -> line.matches(
                "\\s*(\\d{2,}:)?\\d{2}:\\d{2}\\.\\d{3}\\s+-->\\s+(\\d{2,}:)?\\d{2}:\\d{2}\\.\\d{3}.*"));
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
