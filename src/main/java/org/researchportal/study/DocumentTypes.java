package org.researchportal.study;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells a trial document's type from its bytes, not from its name: PDF, Office Open XML (Word, Excel, PowerPoint),
 * OpenDocument (text, spreadsheet, presentation), and the older Office formats. Anything else is refused. Archives
 * are judged from their central directory, without inflating their entries.
 */
final class DocumentTypes {

    static final String PDF_TYPE = "application/pdf";
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final Map<String, String> OPEN_DOCUMENT = Map.of(
            "application/vnd.oasis.opendocument.text", ".odt",
            "application/vnd.oasis.opendocument.spreadsheet", ".ods",
            "application/vnd.oasis.opendocument.presentation", ".odp");
    private static final Map<String, String> EXTENSIONS = Map.of(
            PDF_TYPE, ".pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx",
            "application/msword", ".doc", "application/vnd.ms-excel", ".xls",
            "application/vnd.ms-powerpoint", ".ppt");

    private DocumentTypes() {
    }

    static Optional<String> detect(byte[] content, String fileName) {
        if (startsWith(content, PDF)) {
            return Optional.of(PDF_TYPE);
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

    /** The file extension that goes with a detected type, whatever the uploaded name said. */
    static String extension(String type) {
        return OPEN_DOCUMENT.getOrDefault(type, EXTENSIONS.getOrDefault(type, ".bin"));
    }

    private static Optional<String> zipType(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("document", ".zip");
            Files.write(file, content);
            try (var zip = new ZipFile(file.toFile())) {
                ZipEntry mimetype = zip.getEntry("mimetype");
                if (mimetype != null) {
                    try (InputStream in = zip.getInputStream(mimetype)) {
                        String declared = new String(in.readNBytes(80), StandardCharsets.US_ASCII).trim();
                        return OPEN_DOCUMENT.containsKey(declared) ? Optional.of(declared) : Optional.empty();
                    }
                }
                if (zip.getEntry("[Content_Types].xml") == null) {
                    return Optional.empty();
                }
                boolean word = zip.stream().anyMatch(e -> e.getName().startsWith("word/"));
                boolean excel = zip.stream().anyMatch(e -> e.getName().startsWith("xl/"));
                boolean powerpoint = zip.stream().anyMatch(e -> e.getName().startsWith("ppt/"));
                if (word) {
                    return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                }
                if (excel) {
                    return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                }
                return powerpoint
                        ? Optional.of("application/vnd.openxmlformats-officedocument.presentationml.presentation")
                        : Optional.empty();
            }
        } catch (IOException | IllegalArgumentException notAnArchive) {
            return Optional.empty();
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
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
