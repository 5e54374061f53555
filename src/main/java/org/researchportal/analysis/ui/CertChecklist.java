package org.researchportal.analysis.ui;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.researchportal.analysis.CertEntry;
import org.researchportal.analysis.CertReport;
import org.researchportal.analysis.Phrase;
import org.researchportal.base.Csv;
import org.researchportal.exercise.Dosage;
import org.researchportal.exercise.DosageText;
import org.researchportal.exercise.Text;

/**
 * A study's CERT report in the reader's words: each item's sentences, and the checklist as CSV and as a Markdown
 * table ready to paste into a manuscript supplement (item, section, description, as reported, source).
 */
final class CertChecklist {

    private CertChecklist() {
    }

    /** A sentence of the report in the reader's language: a manual's text in theirs, a dosage in words. */
    static String phrase(Phrase phrase, DosageText.Words words, Locale locale) {
        Object[] args = phrase.args().stream().map(a -> a instanceof Text text ? text.in(locale)
                : a instanceof Dosage dosage ? DosageText.of(words, dosage) : a).toArray();
        return words.of(phrase.key(), args);
    }

    /** The data's sentences of an item. */
    static List<String> reported(CertEntry entry, DosageText.Words words, Locale locale) {
        return entry.reported().stream().map(p -> phrase(p, words, locale)).toList();
    }

    /** What the item reports in all: the data's sentences, then the team's text. */
    static List<String> asReported(CertEntry entry, DosageText.Words words, Locale locale) {
        List<String> parts = new ArrayList<>(reported(entry, words, locale));
        if (entry.team() != null && !entry.team().text().isBlank()) {
            parts.add(entry.team().text());
        }
        return parts;
    }

    private static List<String> header(DosageText.Words words) {
        return List.of(words.of("cert.column.item"), words.of("cert.column.section"),
                words.of("cert.column.description"), words.of("cert.column.reported"), words.of("cert.column.source"));
    }

    private static List<String> row(CertEntry entry, DosageText.Words words, Locale locale, String separator) {
        return List.of(entry.item().number(), words.of(entry.item().section().messageKey()),
                words.of(entry.item().messageKey()), String.join(separator, asReported(entry, words, locale)),
                words.of(entry.item().from().messageKey()));
    }

    static String csv(CertReport report, DosageText.Words words, Locale locale) {
        var out = new StringWriter();
        try {
            Csv.line(out, header(words));
            for (CertEntry entry : report.entries()) {
                Csv.line(out, row(entry, words, locale, "\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String markdown(CertReport report, DosageText.Words words, Locale locale) {
        var out = new StringBuilder();
        out.append(markdownRow(header(words))).append("|---|---|---|---|---|\n");
        for (CertEntry entry : report.entries()) {
            out.append(markdownRow(row(entry, words, locale, "<br>")));
        }
        return out.toString();
    }

    private static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(CertChecklist::markdownCell).toList()) + " |\n";
    }

    /** A cell on one line, its pipes escaped; line breaks of the team's text become {@code <br>}. */
    private static String markdownCell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")
                .replace("\r", "<br>");
    }
}
