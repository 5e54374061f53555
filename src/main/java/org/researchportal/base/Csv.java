package org.researchportal.base;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as every export of the portal writes it: RFC 4180 quoting, CRLF line ends, and text a spreadsheet would run
 * as a formula defused with a leading quote. And CSV as files arrive: {@link #rows}.
 */
public final class Csv {

    private Csv() {
    }

    public static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    public static String cell(String value) {
        String safe = value;
        // A cell a spreadsheet would evaluate (=, +, @, or - not starting a number) is made inert.
        if (!safe.isEmpty() && ("=+@".indexOf(safe.charAt(0)) >= 0
                || (safe.charAt(0) == '-' && !safe.matches("-\\d+(\\.\\d+)?")))) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** A file that is not CSV: where it breaks (1-based line of the file). */
    public static final class Malformed extends RuntimeException {

        private final int line;

        Malformed(int line) {
            super("Malformed CSV at line " + line);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * The records of an RFC 4180 text (quoted fields may hold commas, quotes doubled and line breaks; CRLF or LF
     * line ends; a byte-order mark is skipped). Each record with the file line it starts on. A quote that is never
     * closed, or text after a closing quote, is {@link Malformed}.
     */
    public static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        boolean quoted = false;
        boolean afterQuote = false;
        int quoteLine = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(new Row(rowLine, List.copyOf(cells)));
                cells.clear();
                afterQuote = false;
                line++;
                rowLine = line;
            } else if (afterQuote) {
                throw new Malformed(line);
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                quoteLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new Malformed(quoteLine);
        }
        if (!cell.isEmpty() || !cells.isEmpty() || afterQuote) {
            cells.add(cell.toString());
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }

    /** One record of a CSV text and the file line it starts on. */
    public record Row(int line, List<String> cells) {}
}
