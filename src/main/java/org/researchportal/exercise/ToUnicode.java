package org.researchportal.exercise;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes the handout's text-extraction maps from what was actually drawn. PDFBox builds them by looking a glyph's
 * character up in the font, and when several characters share a glyph it takes the lowest: in Noto Sans SC "方"
 * shares its glyph with the Kangxi radical "⽅", so copied or searched text (and a screen reader) would get the
 * radical. Here each glyph maps to the character the portal drew with it.
 */
final class ToUnicode {

    private static final int PER_BLOCK = 100;

    private ToUnicode() {
    }

    /** Replaces the /ToUnicode map of each named font (subset names end with it) with the given code to character. */
    static byte[] rewrite(byte[] pdf, Map<String, Map<Integer, Integer>> codesByFont) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (font == null) {
                        continue;
                    }
                    codesByFont.forEach((fontName, codes) -> {
                        if (font.getName() != null && font.getName().endsWith(fontName) && !codes.isEmpty()) {
                            font.getCOSObject().setItem(COSName.TO_UNICODE, cmap(document, codes));
                        }
                    });
                }
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static COSStream cmap(PDDocument document, Map<Integer, Integer> codes) {
        var text = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(new TreeMap<>(codes).entrySet());
        for (int from = 0; from < entries.size(); from += PER_BLOCK) {
            List<Map.Entry<Integer, Integer>> block = entries.subList(from, Math.min(entries.size(), from + PER_BLOCK));
            text.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, Integer> e : block) {
                text.append(String.format("<%04X> <", e.getKey()));
                for (char c : Character.toChars(e.getValue())) {
                    text.append(String.format("%04X", (int) c));
                }
                text.append(">\n");
            }
            text.append("endbfchar\n");
        }
        text.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return stream;
    }
}
