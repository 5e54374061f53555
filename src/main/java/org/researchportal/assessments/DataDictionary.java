package org.researchportal.assessments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.Csv;
import org.researchportal.base.ValidationException;

/**
 * Instruments in REDCap's data dictionary CSV, both ways, so an institution brings the instruments it built in REDCap
 * and takes ours back. One row per field; the first row is REDCap's record id field (the study number here), in the
 * first form. What REDCap has no column for travels as tags in the Field Annotation, which REDCap keeps as written:
 * the Chinese words ({@code @ZH-LABEL="..."}, {@code @ZH-NOTE}, {@code @ZH-CHOICES}, {@code @ZH-SECTION}), a number's
 * unit ({@code @UNIT}) and, on a form's first row, the instrument's name and note ({@code @INSTRUMENT},
 * {@code @ZH-INSTRUMENT}, {@code @INSTRUMENT-NOTE}, {@code @ZH-INSTRUMENT-NOTE}); a quote in a tag's words is doubled,
 * as in CSV. Written as REDCap writes it, so the standard instruments round-trip byte for byte. Custom alignment and question numbers
 * (presentation in REDCap's surveys) are read and not kept; matrix groups, file and SQL fields are refused. Pure.
 */
public final class DataDictionary {

    static final List<String> COLUMNS = List.of("Variable / Field Name", "Form Name", "Section Header", "Field Type",
            "Field Label", "Choices, Calculations, OR Slider Labels", "Field Note",
            "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max", "Identifier?",
            "Branching Logic (Show field only if...)", "Required Field?", "Custom Alignment",
            "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?", "Field Annotation");
    /** The keys of REDCap's API metadata, in the columns' order. */
    public static final List<String> METADATA_KEYS = List.of("field_name", "form_name", "section_header",
            "field_type", "field_label", "select_choices_or_calculations", "field_note",
            "text_validation_type_or_show_slider_number", "text_validation_min", "text_validation_max", "identifier",
            "branching_logic", "required_field", "custom_alignment", "question_number", "matrix_group_name",
            "matrix_ranking", "field_annotation");
    /** REDCap's record id field, the study number, first in every dictionary. */
    public static final String RECORD_ID = "record_id";
    private static final int NAME = 0;
    private static final int FORM = 1;
    private static final int SECTION = 2;
    private static final int TYPE = 3;
    private static final int LABEL = 4;
    private static final int CHOICES = 5;
    private static final int NOTE = 6;
    private static final int VALIDATION = 7;
    private static final int MIN = 8;
    private static final int MAX = 9;
    private static final int IDENTIFIER = 10;
    private static final int BRANCHING = 11;
    private static final int REQUIRED = 12;
    private static final int MATRIX = 15;
    private static final int MATRIX_RANKING = 16;
    private static final int ANNOTATION = 17;
    private static final List<String> TAGS = List.of("INSTRUMENT", "ZH-INSTRUMENT", "INSTRUMENT-NOTE",
            "ZH-INSTRUMENT-NOTE", "ZH-LABEL", "ZH-NOTE", "ZH-SECTION", "ZH-CHOICES", "UNIT");
    // Possessive, so a long value (a label may have 2,000 characters) is not matched by recursion.
    private static final Pattern TAG = Pattern.compile("@(" + String.join("|", TAGS) + ")=\"((?:[^\"]++|\"\")*+)\"");
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private DataDictionary() {
    }

    /** The instruments as a data dictionary: REDCap's header, the record id, then each instrument's items. */
    public static String write(List<Instrument> instruments) {
        StringBuilder out = new StringBuilder();
        line(out, COLUMNS);
        rows(instruments).forEach(row -> line(out, List.of(row)));
        return out.toString();
    }

    /**
     * The same rows as REDCap's API hands out metadata: one map per field with the 18 snake-case keys of
     * {@link #METADATA_KEYS}, in column order, every value a string.
     */
    public static List<Map<String, String>> fields(List<Instrument> instruments) {
        List<Map<String, String>> fields = new ArrayList<>();
        for (String[] row : rows(instruments)) {
            Map<String, String> field = new LinkedHashMap<>();
            for (int i = 0; i < row.length; i++) {
                field.put(METADATA_KEYS.get(i), row[i]);
            }
            fields.add(field);
        }
        return fields;
    }

    /** REDCap's quoting of one CSV line (PHP's fputcsv), for the API's CSV answers. */
    public static String csvLine(List<String> cells) {
        StringBuilder out = new StringBuilder();
        line(out, cells);
        return out.toString();
    }

    private static List<String[]> rows(List<Instrument> instruments) {
        List<String[]> rows = new ArrayList<>();
        boolean first = true;
        for (Instrument instrument : instruments) {
            Map<String, String> formTags = new LinkedHashMap<>();
            formTags.put("INSTRUMENT", instrument.name().en());
            formTags.put("ZH-INSTRUMENT", instrument.name().zh());
            if (instrument.note() != null) {
                formTags.put("INSTRUMENT-NOTE", instrument.note().en());
                formTags.put("ZH-INSTRUMENT-NOTE", instrument.note().zh());
            }
            if (first) {
                String[] row = empty();
                row[NAME] = RECORD_ID;
                row[FORM] = instrument.code();
                row[TYPE] = "text";
                row[LABEL] = "Study number";
                Map<String, String> tags = new LinkedHashMap<>(formTags);
                tags.put("ZH-LABEL", "研究编号");
                row[ANNOTATION] = annotation(tags, null);
                rows.add(row);
                formTags.clear();
                first = false;
            }
            for (Item item : instrument.items()) {
                String[] row = empty();
                row[NAME] = item.code();
                row[FORM] = instrument.code();
                Map<String, String> tags = new LinkedHashMap<>(formTags);
                formTags.clear();
                if (item.section() != null) {
                    row[SECTION] = item.section().en();
                    tags.put("ZH-SECTION", item.section().zh());
                }
                row[LABEL] = item.label().en();
                tags.put("ZH-LABEL", item.label().zh());
                if (item.note() != null) {
                    row[NOTE] = item.note().en();
                    tags.put("ZH-NOTE", item.note().zh());
                }
                typeColumns(item, row, tags);
                tags.put("UNIT", item.unit());
                row[IDENTIFIER] = item.identifier() ? "y" : "";
                row[BRANCHING] = item.showWhen() == null ? "" : item.showWhen();
                row[REQUIRED] = item.required() ? "y" : "";
                row[ANNOTATION] = annotation(tags, item.annotation());
                rows.add(row);
            }
        }
        return rows;
    }

    private static void typeColumns(Item item, String[] row, Map<String, String> tags) {
        switch (item.type()) {
            case NUMBER, INTEGER, DATE -> {
                row[TYPE] = "text";
                row[VALIDATION] = item.type() == ItemType.DATE ? "date_ymd"
                        : item.type() == ItemType.NUMBER ? "number" : "integer";
                row[MIN] = bound(item.min());
                row[MAX] = bound(item.max());
            }
            case SCALE -> {
                row[TYPE] = "slider";
                row[VALIDATION] = "number";
                row[MIN] = bound(item.min());
                row[MAX] = bound(item.max());
                String[] anchors = {"", "", ""};
                String[] anchorsZh = {"", "", ""};
                for (Choice anchor : item.choices()) {
                    int at = anchorPosition(item, anchor.code());
                    anchors[at] = anchor.label().en();
                    anchorsZh[at] = anchor.label().zh() == null ? "" : anchor.label().zh();
                }
                row[CHOICES] = slider(anchors);
                if (item.choices().stream().anyMatch(c -> c.label().zh() != null)) {
                    tags.put("ZH-CHOICES", slider(anchorsZh));
                }
            }
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                row[TYPE] = item.type() == ItemType.SINGLE_CHOICE ? "radio" : "checkbox";
                row[CHOICES] = String.join(" | ", item.choices().stream().map(c -> c.code() + ", " + c.label().en())
                        .toList());
                if (item.choices().stream().anyMatch(c -> c.label().zh() != null)) {
                    tags.put("ZH-CHOICES", String.join(" | ", item.choices().stream().map(c -> c.code() + ", "
                            + (c.label().zh() == null ? "" : c.label().zh())).toList()));
                }
            }
            case YES_NO -> row[TYPE] = "yesno";
            case TEXT -> row[TYPE] = "notes";
            case CALCULATED -> {
                row[TYPE] = "calc";
                row[CHOICES] = item.calculation();
            }
            case DESCRIPTIVE -> row[TYPE] = "descriptive";
        }
    }

    /** A slider's labels as REDCap writes them, "left | middle | right", an empty middle as "left | | right". */
    private static String slider(String[] labels) {
        return (labels[0] + " | " + labels[1] + " | " + labels[2]).replace("|  |", "| |");
    }

    /** Where an anchor sits on REDCap's slider: left, middle or right. */
    private static int anchorPosition(Item scale, String code) {
        long min = Math.round(scale.min());
        long max = Math.round(scale.max());
        return code.equals(String.valueOf(min)) ? 0 : code.equals(String.valueOf(max)) ? 2 : 1;
    }

    private static String bound(@Nullable Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String annotation(Map<String, String> tags, @Nullable String rest) {
        List<String> parts = new ArrayList<>();
        tags.forEach((tag, value) -> {
            if (value != null) {
                parts.add("@" + tag + "=\"" + value.replace("\"", "\"\"") + "\"");
            }
        });
        if (rest != null && !rest.isEmpty()) {
            parts.add(rest);
        }
        return String.join(" ", parts);
    }

    private static String[] empty() {
        String[] row = new String[COLUMNS.size()];
        java.util.Arrays.fill(row, "");
        return row;
    }

    /**
     * REDCap's quoting (PHP's fputcsv): a field only when it holds a comma, a quote, a space, a tab, a line break or a
     * backslash, quotes doubled; LF ends every line.
     */
    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.chars().anyMatch(c -> ",\" \t\r\n\\".indexOf(c) >= 0)) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append('\n');
    }

    /** A data dictionary read: its instruments, and where each came from so a refusal can name the row. */
    public static final class Read {

        private final List<Instrument> instruments;
        private final Map<Instrument, List<Integer>> itemRows;

        Read(List<Instrument> instruments, Map<Instrument, List<Integer>> itemRows) {
            this.instruments = instruments;
            this.itemRows = itemRows;
        }

        public List<Instrument> instruments() {
            return instruments;
        }

        /**
         * Holds each instrument read to a rule; the first refusal becomes the row and column it came from, so the
         * person fixes the file where it is wrong.
         */
        void check(java.util.function.Consumer<Instrument> rule) {
            for (Instrument instrument : instruments) {
                try {
                    rule.accept(instrument);
                } catch (ValidationException refusal) {
                    throw refusalAt(instrument, refusal);
                }
            }
        }

        /** A rule's refusal of one of the instruments read, as the row and column it came from. */
        private ValidationException refusalAt(Instrument instrument, ValidationException refusal) {
            Map.Entry<String, String> first = refusal.fieldMessageKeys().entrySet().iterator().next();
            String field = first.getKey();
            List<Integer> rows = itemRows.get(instrument);
            int row = rows.get(0);
            String column = COLUMNS.get(FORM);
            Matcher item = Pattern.compile("items\\.(\\d+)\\.(\\w+)").matcher(field);
            if (item.matches()) {
                row = rows.get(Integer.parseInt(item.group(1)) + 1);
                column = COLUMNS.get(switch (item.group(2)) {
                    case "code" -> NAME;
                    case "type" -> TYPE;
                    case "label" -> LABEL;
                    case "note" -> NOTE;
                    case "unit" -> ANNOTATION;
                    case "range" -> MIN;
                    case "choices", "calculation" -> CHOICES;
                    case "required" -> REQUIRED;
                    case "showWhen" -> BRANCHING;
                    default -> NAME;
                });
            } else if (field.equals("name") || field.equals("note")) {
                column = COLUMNS.get(ANNOTATION);
            }
            return refusal(row, column, first.getValue(), refusal.arguments(field));
        }
    }

    /**
     * The instruments of a data dictionary, or a refusal naming the first row at fault, its column and why
     * ({@code file}: row and column; {@code reason}: what is wrong).
     */
    public static Read read(String csv) {
        if (csv.length() > MAX_BYTES) {
            throw refusal(1, COLUMNS.get(NAME), "dictionary.too-large");
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.rows(csv);
        } catch (Csv.Malformed malformed) {
            throw refusal(malformed.line(), COLUMNS.get(NAME), "dictionary.not-csv");
        }
        if (rows.isEmpty()) {
            throw refusal(1, COLUMNS.get(NAME), "dictionary.empty");
        }
        List<String> header = rows.get(0).cells();
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (c >= header.size() || !header.get(c).trim().equalsIgnoreCase(COLUMNS.get(c))) {
                throw refusal(1, COLUMNS.get(c), "dictionary.header", COLUMNS.get(c));
            }
        }
        List<Csv.Row> fields = rows.subList(1, rows.size()).stream()
                .filter(r -> r.cells().stream().anyMatch(cell -> !cell.isBlank())).toList();
        if (fields.size() < 2) {
            throw refusal(2, COLUMNS.get(NAME), "dictionary.no-fields");
        }
        Map<String, FormBuilder> forms = new LinkedHashMap<>();
        String current = null;
        for (int r = 0; r < fields.size(); r++) {
            Csv.Row row = fields.get(r);
            List<String> cells = row.cells();
            if (cells.size() != COLUMNS.size()) {
                throw refusal(row.line(), COLUMNS.get(Math.min(cells.size(), COLUMNS.size() - 1)),
                        "dictionary.column-count", cells.size(), COLUMNS.size());
            }
            String form = cells.get(FORM).trim();
            if (!form.matches(InstrumentRules.CODE)) {
                throw refusal(row.line(), COLUMNS.get(FORM), "dictionary.form.invalid", form);
            }
            if (!form.equals(current) && forms.containsKey(form)) {
                throw refusal(row.line(), COLUMNS.get(FORM), "dictionary.form.split", form);
            }
            current = form;
            FormBuilder builder = forms.computeIfAbsent(form, f -> new FormBuilder(f, row.line()));
            Map<String, String> tags = new HashMap<>();
            String rest = tags(cells.get(ANNOTATION), tags);
            builder.formTags(tags);
            if (r == 0) {
                if (!cells.get(TYPE).trim().equals("text")) {
                    throw refusal(row.line(), COLUMNS.get(TYPE), "dictionary.record-id");
                }
                continue;
            }
            builder.add(item(row, cells, tags, rest), row.line());
        }
        List<Instrument> instruments = new ArrayList<>();
        Map<Instrument, List<Integer>> itemRows = new IdentityHashMap<>();
        for (FormBuilder form : forms.values()) {
            if (form.items.isEmpty()) {
                throw refusal(form.firstRow, COLUMNS.get(FORM), "dictionary.form.empty", form.code);
            }
            Instrument instrument = form.build();
            instruments.add(instrument);
            List<Integer> rowsOf = new ArrayList<>();
            rowsOf.add(form.firstRow);
            rowsOf.addAll(form.rows);
            itemRows.put(instrument, rowsOf);
        }
        return new Read(instruments, itemRows);
    }

    private static Item item(Csv.Row row, List<String> cells, Map<String, String> tags, @Nullable String rest) {
        int line = row.line();
        String code = cells.get(NAME).trim();
        String fieldType = cells.get(TYPE).trim();
        String validation = cells.get(VALIDATION).trim();
        if (!cells.get(MATRIX).isBlank() || !cells.get(MATRIX_RANKING).isBlank()) {
            throw refusal(line, COLUMNS.get(MATRIX), "dictionary.matrix");
        }
        ItemType type = switch (fieldType) {
            case "text" -> switch (validation) {
                case "" -> ItemType.TEXT;
                case "integer" -> ItemType.INTEGER;
                case "number" -> ItemType.NUMBER;
                case "date_ymd" -> ItemType.DATE;
                default -> throw refusal(line, COLUMNS.get(VALIDATION), "dictionary.validation", validation);
            };
            case "notes" -> ItemType.TEXT;
            case "radio", "dropdown" -> ItemType.SINGLE_CHOICE;
            case "checkbox" -> ItemType.MULTIPLE_CHOICE;
            case "yesno", "truefalse" -> ItemType.YES_NO;
            case "slider" -> ItemType.SCALE;
            case "calc" -> ItemType.CALCULATED;
            case "descriptive" -> ItemType.DESCRIPTIVE;
            default -> throw refusal(line, COLUMNS.get(TYPE), "dictionary.field-type", fieldType);
        };
        if (type != ItemType.SCALE && !fieldType.equals("text") && !validation.isEmpty()) {
            throw refusal(line, COLUMNS.get(VALIDATION), "dictionary.validation", validation);
        }
        if (type == ItemType.SCALE && !validation.isEmpty() && !validation.equals("number")) {
            throw refusal(line, COLUMNS.get(VALIDATION), "dictionary.validation", validation);
        }
        Double min = number(cells.get(MIN), line, MIN);
        Double max = number(cells.get(MAX), line, MAX);
        if (type == ItemType.SCALE) {
            // REDCap's slider runs from 0 to 100 unless given a range.
            min = min == null ? 0.0 : min;
            max = max == null ? 100.0 : max;
        }
        String choicesText = cells.get(CHOICES).trim();
        List<Choice> choices = List.of();
        String calculation = null;
        switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> choices = choices(choicesText, tags.get("ZH-CHOICES"), line);
            case SCALE -> choices = anchors(choicesText, tags.get("ZH-CHOICES"), min, max);
            case CALCULATED -> calculation = choicesText.isEmpty() ? null : choicesText;
            default -> {
                if (!choicesText.isEmpty()) {
                    throw refusal(line, COLUMNS.get(CHOICES), "dictionary.choices.unexpected");
                }
            }
        }
        return new Item(code, type, new Wording(cells.get(LABEL).trim(), blankToNull(tags.get("ZH-LABEL"))),
                Wording.of(cells.get(NOTE).trim(), tags.get("ZH-NOTE")), tags.get("UNIT"), min, max, choices,
                flag(cells.get(REQUIRED), line, REQUIRED), blankToNull(cells.get(BRANCHING)), calculation,
                Wording.of(cells.get(SECTION).trim(), tags.get("ZH-SECTION")), flag(cells.get(IDENTIFIER), line,
                        IDENTIFIER), rest);
    }

    private static List<Choice> choices(String text, @Nullable String zh, int line) {
        List<Choice> choices = new ArrayList<>();
        Map<String, String> zhByCode = new HashMap<>();
        if (zh != null) {
            for (String part : zh.split("\\|")) {
                int comma = part.indexOf(',');
                if (comma > 0) {
                    zhByCode.put(part.substring(0, comma).trim(), part.substring(comma + 1).trim());
                }
            }
        }
        for (String part : text.split("\\|")) {
            int comma = part.indexOf(',');
            if (comma <= 0) {
                throw refusal(line, COLUMNS.get(CHOICES), "dictionary.choices.invalid", part.trim());
            }
            String code = part.substring(0, comma).trim();
            choices.add(new Choice(code, new Wording(part.substring(comma + 1).trim(), blankToNull(zhByCode.get(
                    code)))));
        }
        return choices;
    }

    /** A slider's "left | middle | right" labels as anchors at its lowest, middle and highest values. */
    private static List<Choice> anchors(String text, @Nullable String zh, double min, double max) {
        if (text.isEmpty()) {
            return List.of();
        }
        String[] labels = text.split("\\|", -1);
        String[] labelsZh = zh == null ? new String[0] : zh.split("\\|", -1);
        long low = Math.round(min);
        long high = Math.round(max);
        String[] codes = labels.length == 2 ? new String[] {String.valueOf(low), String.valueOf(high)}
                : new String[] {String.valueOf(low), String.valueOf(low + (high - low) / 2), String.valueOf(high)};
        List<Choice> anchors = new ArrayList<>();
        for (int i = 0; i < labels.length && i < codes.length; i++) {
            String label = labels[i].trim();
            if (!label.isEmpty()) {
                anchors.add(new Choice(codes[i], new Wording(label, i < labelsZh.length ? blankToNull(labelsZh[i]
                        .trim()) : null)));
            }
        }
        return anchors;
    }

    private static @Nullable Double number(String text, int line, int column) {
        if (text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value) && text.trim().matches("-?\\d+(\\.\\d+)?")) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refusal(line, COLUMNS.get(column), "dictionary.number", text.trim());
    }

    private static boolean flag(String text, int line, int column) {
        String value = text.trim().toLowerCase();
        if (value.isEmpty() || value.equals("n")) {
            return false;
        }
        if (value.equals("y")) {
            return true;
        }
        throw refusal(line, COLUMNS.get(column), "dictionary.flag", text.trim());
    }

    /** Takes the portal's tags out of a field annotation; answers what else it says. */
    private static @Nullable String tags(String annotation, Map<String, String> tags) {
        Matcher matcher = TAG.matcher(annotation);
        StringBuilder rest = new StringBuilder();
        while (matcher.find()) {
            tags.put(matcher.group(1), matcher.group(2).replace("\"\"", "\""));
            matcher.appendReplacement(rest, "");
        }
        matcher.appendTail(rest);
        return blankToNull(rest.toString().trim().replaceAll(" {2,}", " "));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static ValidationException refusal(int row, String column, String reason, Object... arguments) {
        return new ValidationException(Map.of("file", "dictionary.row", "reason", reason), Map.of("file", List.of(
                row, column), "reason", List.of(arguments)));
    }

    /** One form's rows as they are read. */
    private static final class FormBuilder {

        private final String code;
        private final int firstRow;
        private final List<Item> items = new ArrayList<>();
        private final List<Integer> rows = new ArrayList<>();
        private final Map<String, String> tags = new HashMap<>();

        FormBuilder(String code, int firstRow) {
            this.code = code;
            this.firstRow = firstRow;
        }

        void formTags(Map<String, String> rowTags) {
            if (tags.isEmpty()) {
                List.of("INSTRUMENT", "ZH-INSTRUMENT", "INSTRUMENT-NOTE", "ZH-INSTRUMENT-NOTE").forEach(t -> {
                    if (rowTags.containsKey(t)) {
                        tags.put(t, rowTags.get(t));
                    }
                });
            }
        }

        void add(Item item, int row) {
            items.add(item);
            rows.add(row);
        }

        Instrument build() {
            // REDCap derives a form's label from its name when the file gives none: bpi_sf is "Bpi Sf".
            String name = tags.getOrDefault("INSTRUMENT", derivedName(code));
            return new Instrument(code, new Wording(name, blankToNull(tags.get("ZH-INSTRUMENT"))), items, Wording.of(
                    tags.get(
                            "INSTRUMENT-NOTE"), tags.get("ZH-INSTRUMENT-NOTE")));
        }

        private static String derivedName(String code) {
            StringBuilder name = new StringBuilder();
            for (String word : code.split("_")) {
                if (!word.isEmpty()) {
                    name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0)))
                            .append(word.substring(1));
                }
            }
            return name.toString();
        }
    }
}
