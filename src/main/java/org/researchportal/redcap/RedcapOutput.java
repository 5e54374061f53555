package org.researchportal.redcap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.researchportal.assessments.DataDictionary;
import tools.jackson.databind.json.JsonMapper;

/**
 * REDCap's answers in its three formats: JSON (values as given: strings, and numbers where REDCap gives numbers), CSV
 * as REDCap writes it (fputcsv quoting, LF, a header line) and XML ({@code <records><item>...}).
 */
final class RedcapOutput {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n";

    private RedcapOutput() {
    }

    /** An answer: its body and media type. */
    record Answer(int status, String body, String contentType) {

        static Answer ok(String body, String format) {
            return new Answer(200, body, RedcapOutput.contentType(format));
        }
    }

    static String contentType(String format) {
        return switch (format) {
            case RedcapParameters.JSON -> "application/json; charset=utf-8";
            case RedcapParameters.CSV -> "text/csv; charset=utf-8";
            default -> "text/xml; charset=utf-8";
        };
    }

    /** Rows with the given columns (a row's missing column is empty). */
    static Answer table(List<? extends Map<String, ?>> rows, List<String> columns, String format) {
        return switch (format) {
            case RedcapParameters.JSON -> Answer.ok(JSON.writeValueAsString(rows), format);
            case RedcapParameters.CSV -> Answer.ok(csv(rows, columns, columns), format);
            default -> Answer.ok(xml("records", rows, columns), format);
        };
    }

    /** CSV with a header of its own (REDCap's labels as headers). */
    static String csv(List<? extends Map<String, ?>> rows, List<String> columns, List<String> header) {
        StringBuilder out = new StringBuilder(DataDictionary.csvLine(header));
        for (Map<String, ?> row : rows) {
            List<String> cells = new ArrayList<>();
            columns.forEach(c -> cells.add(text(row.get(c))));
            out.append(DataDictionary.csvLine(cells));
        }
        return out.toString();
    }

    /** One object (project information): JSON object, CSV header and one line, XML under its own root. */
    static Answer object(Map<String, ?> values, String root, String format) {
        return switch (format) {
            case RedcapParameters.JSON -> Answer.ok(JSON.writeValueAsString(values), format);
            case RedcapParameters.CSV -> Answer.ok(csv(List.of(values), List.copyOf(values.keySet()),
                    List.copyOf(values.keySet())), format);
            default -> {
                StringBuilder out = new StringBuilder(XML_DECLARATION).append('<').append(root).append('>');
                values.forEach((k, v) -> element(out, k, v));
                yield Answer.ok(out.append("</").append(root).append(">\n").toString(), format);
            }
        };
    }

    /** An error as REDCap gives it, in the call's return format. */
    static Answer error(int status, String message, String returnFormat) {
        String body = switch (returnFormat) {
            case RedcapParameters.JSON -> JSON.writeValueAsString(Map.of("error", message));
            case RedcapParameters.CSV -> "ERROR: " + message;
            default -> XML_DECLARATION + "<hash>\n  <error>" + escape(message) + "</error>\n</hash>";
        };
        return new Answer(status, body, contentType(returnFormat));
    }

    static String xml(String root, List<? extends Map<String, ?>> rows, List<String> columns) {
        StringBuilder out = new StringBuilder(XML_DECLARATION).append('<').append(root).append('>');
        for (Map<String, ?> row : rows) {
            out.append("<item>");
            columns.forEach(c -> element(out, c, row.get(c)));
            out.append("</item>");
        }
        return out.append("</").append(root).append(">\n").toString();
    }

    private static void element(StringBuilder out, String name, Object value) {
        out.append('<').append(name).append('>').append(escape(text(value))).append("</").append(name).append('>');
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
