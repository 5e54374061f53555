package org.researchportal.study;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Tells a trial document's type from its bytes, not from its name: PDF, Office Open XML (Word, Excel, PowerPoint),
 * OpenDocument, and the older Office formats. Anything else is refused.
 */
final class DocumentTypes {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private DocumentTypes() {
    }

    static Optional<String> detect(byte[] content, String fileName) {
        if (startsWith(content, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, ZIP)) {
            return zipType(content);
        }
        if (startsWith(content, OLE2)) {
            String name = fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".doc")) {
                return Optional.of("application/msword");
            }
            if (name.endsWith(".xls")) {
                return Optional.of("application/vnd.ms-excel");
            }
            if (name.endsWith(".ppt")) {
                return Optional.of("application/vnd.ms-powerpoint");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> zipType(byte[] content) {
        Set<String> entries = new HashSet<>();
        String openDocument = null;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < 2000) {
                entries.add(entry.getName());
                if (entry.getName().equals("mimetype")) {
                    openDocument = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).trim();
                }
            }
        } catch (IOException | IllegalArgumentException notAZip) {
            return Optional.empty();
        }
        if (openDocument != null && openDocument.startsWith("application/vnd.oasis.opendocument.")) {
            return Optional.of(openDocument);
        }
        if (entries.contains("[Content_Types].xml")) {
            if (entries.stream().anyMatch(e -> e.startsWith("word/"))) {
                return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            }
            if (entries.stream().anyMatch(e -> e.startsWith("xl/"))) {
                return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            if (entries.stream().anyMatch(e -> e.startsWith("ppt/"))) {
                return Optional.of("application/vnd.openxmlformats-officedocument.presentationml.presentation");
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
