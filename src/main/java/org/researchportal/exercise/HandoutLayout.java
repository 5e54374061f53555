package org.researchportal.exercise;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays text out on A4 pages for a printed handout: headings, paragraphs wrapped to the page (between words for
 * Latin text, between characters for Chinese), numbered steps, a boxed warning, and a footer on every page. One font
 * family (Noto Sans SC) covers Chinese and Latin; only the glyphs used are embedded, so a handout stays small.
 */
final class HandoutLayout implements AutoCloseable {

    private static final String REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final String BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";
    private static final String REGULAR_NAME = "NotoSansSC-Regular";
    private static final String BOLD_NAME = "NotoSansSC-Bold";
    private static final float MARGIN = 56;
    private static final float BODY = 11;

    private static final Map<String, byte[]> FONTS = new ConcurrentHashMap<>();

    private final PDDocument document = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private final List<PDPage> pages = new ArrayList<>();
    /** Per font, each character code (glyph id) drawn and the character it stood for: see {@link ToUnicode}. */
    private final Map<PDFont, Map<Integer, Integer>> drawn = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    HandoutLayout(String title, Locale language) {
        try {
            regular = PDType0Font.load(document, font(REGULAR), true, false);
            bold = PDType0Font.load(document, font(BOLD), true, false);
            document.getDocumentInformation().setTitle(title);
            // Screen readers and text-to-speech read the handout in its language.
            document.getDocumentCatalog().setLanguage(language.toLanguageTag());
            newPage();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The handout font could not be read", unreadable);
        }
    }

    void heading(String text, float size) {
        space(size * 0.6f);
        lines(text, bold, size, 0);
    }

    void paragraph(String text) {
        lines(text, regular, BODY, 0);
        space(3);
    }

    void emphasis(String text) {
        lines(text, bold, BODY, 0);
    }

    void numbered(int number, String text) {
        String label = number + ".";
        ensure(BODY * 1.4f);
        write(label, regular, BODY, MARGIN + 6, y);
        lines(text, regular, BODY, 24);
    }

    /** A warning in a box with a red rule on its left, kept on one page. */
    void warning(String text) {
        List<String> wrapped = wrap(text, regular, BODY, width() - 20);
        float height = wrapped.size() * BODY * 1.4f + 8;
        ensure(height + 6);
        try {
            content.setNonStrokingColor(0.70f, 0.15f, 0.12f);
            content.addRect(MARGIN, y - height + BODY, 3, height);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : wrapped) {
            write(line, regular, BODY, MARGIN + 12, y);
            y -= BODY * 1.4f;
        }
        space(8);
    }

    PDFont regularFont() {
        return regular;
    }

    /** A picture scaled to fit a third of the page's height, with its description as alternate text below. */
    void picture(byte[] image, String description) {
        if (image.length == 0) {
            return;
        }
        try {
            PDImageXObject picture = PDImageXObject.createFromByteArray(document, image, description);
            float scale = Math.min(width() / picture.getWidth(), 200f / picture.getHeight());
            float w = picture.getWidth() * scale;
            float h = picture.getHeight() * scale;
            ensure(h + BODY * 2);
            content.drawImage(picture, MARGIN, y - h, w, h);
            y -= h + 4;
            lines(description, regular, 9, 0);
            space(4);
        } catch (IOException | IllegalArgumentException unreadable) {
            // A picture the PDF library cannot read is left out; the words still say what to do.
        }
    }

    void space(float points) {
        y -= points;
    }

    /** Finishes the pages (footer with page numbers) and answers the PDF. */
    byte[] finish(String footer) {
        try {
            content.close();
            for (int i = 0; i < pages.size(); i++) {
                try (var stream = new PDPageContentStream(document, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    content = stream;
                    write(footer + " · " + (i + 1) + " / " + pages.size(), regular, 8, MARGIN, MARGIN / 2);
                }
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return ToUnicode.rewrite(out.toByteArray(), Map.of(REGULAR_NAME, drawn.getOrDefault(regular, Map.of()),
                    BOLD_NAME, drawn.getOrDefault(bold, Map.of())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void lines(String text, PDFont font, float size, float indent) {
        for (String line : wrap(text, font, size, width() - indent)) {
            ensure(size * 1.4f);
            write(line, font, size, MARGIN + indent, y);
            y -= size * 1.4f;
        }
    }

    private void ensure(float height) {
        if (y - height < MARGIN) {
            try {
                content.close();
                newPage();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void newPage() throws IOException {
        var page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    private void write(String text, PDFont font, float size, float x, float atY) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            String shown = printable(text, font);
            remember(font, shown);
            content.showText(shown);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void remember(PDFont font, String text) throws IOException {
        Map<Integer, Integer> codes = drawn.computeIfAbsent(font, f -> new HashMap<>());
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            byte[] code = font.encode(new String(Character.toChars(cp)));
            codes.putIfAbsent(((code[0] & 0xFF) << 8) | (code[1] & 0xFF), cp);
        }
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    /** Breaks text into lines that fit: at spaces where there are any, else between any two characters (Chinese). */
    static List<String> wrap(String text, PDFont font, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        String clean = printable(text, font);
        var line = new StringBuilder();
        int i = 0;
        while (i < clean.length()) {
            int end = i + Character.charCount(clean.codePointAt(i));
            // A Latin word is kept whole; a Chinese character is a word of its own.
            if (clean.codePointAt(i) < 0x2E80) {
                while (end < clean.length() && clean.codePointAt(end) < 0x2E80 && clean.charAt(end) != ' '
                        && clean.charAt(end - 1) != ' ') {
                    end += Character.charCount(clean.codePointAt(end));
                }
            }
            String word = clean.substring(i, end);
            if (line.length() > 0 && widthOf(line + word, font, size) > maxWidth) {
                lines.add(line.toString().strip());
                line.setLength(0);
                if (word.equals(" ")) {
                    i = end;
                    continue;
                }
            }
            line.append(word);
            i = end;
        }
        if (!line.isEmpty()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    private static float widthOf(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException | IllegalArgumentException noGlyph) {
            return Float.MAX_VALUE;
        }
    }

    /**
     * Line breaks and control characters become spaces, and a character the font cannot draw (an emoji in a name)
     * becomes "?", so whatever people typed prints.
     */
    private static String printable(String text, PDFont font) {
        var out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                out.append(' ');
                return;
            }
            String one = new String(Character.toChars(cp));
            try {
                font.encode(one);
                out.append(one);
            } catch (IOException | IllegalArgumentException noGlyph) {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** The font files, read from the class path once (about 10 MB each) and parsed for each handout. */
    private static RandomAccessReadBuffer font(String resource) throws IOException {
        byte[] bytes = FONTS.get(resource);
        if (bytes == null) {
            try (InputStream in = HandoutLayout.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("Missing font resource " + resource);
                }
                bytes = in.readAllBytes();
            }
            FONTS.putIfAbsent(resource, bytes);
        }
        return new RandomAccessReadBuffer(bytes);
    }
}
