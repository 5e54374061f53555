package org.researchportal.base;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as every export of the portal writes it: RFC 4180 quoting, CRLF line ends, and text a spreadsheet would run
 * as a formula defused with a leading quote.
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
}
