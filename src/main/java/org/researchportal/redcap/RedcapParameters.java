package org.researchportal.redcap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A call's form parameters as REDCap's clients send them: an empty value means "not given"; a list comes as
 * {@code name[0]=a&name[1]=b} (PyCap, 0-based), {@code name[1]=a} (redcapAPI, 1-based), {@code name[]=a} (PHP) or
 * {@code name=a,b} (REDCapR); a flag as true/false in any case, or 1/0.
 */
final class RedcapParameters {

    static final String JSON = "json";
    static final String CSV = "csv";
    static final String XML = "xml";
    private static final Pattern INDEXED = Pattern.compile("([A-Za-z_]+)\\[(\\d*)]");

    private final Map<String, String[]> values;

    RedcapParameters(Map<String, String[]> values) {
        this.values = values;
    }

    @Nullable
    String get(String name) {
        String[] given = values.get(name);
        if (given == null || given.length == 0 || given[0] == null || given[0].isBlank()) {
            return null;
        }
        return given[0];
    }

    /** A lower-cased choice among {@code allowed}, or the default; anything else is REDCap's "not valid". */
    String choice(String name, String fallback, String... allowed) {
        String given = get(name);
        if (given == null) {
            return fallback;
        }
        String value = given.strip().toLowerCase(Locale.ROOT);
        for (String option : allowed) {
            if (option.equals(value)) {
                return value;
            }
        }
        throw RedcapFailure.badRequest("The value of the parameter \"" + name + "\" is not valid");
    }

    boolean flag(String name) {
        String given = get(name);
        return given != null && (given.strip().equalsIgnoreCase("true") || given.strip().equals("1"));
    }

    /** The format answers come in: json, csv or xml (REDCap's default). */
    String format() {
        return choice("format", XML, JSON, CSV, XML);
    }

    /** The format errors and import results come in: returnFormat, else the format, else xml. */
    String returnFormat() {
        String given = get("returnFormat");
        if (given != null) {
            String value = given.strip().toLowerCase(Locale.ROOT);
            if (value.equals(JSON) || value.equals(CSV) || value.equals(XML)) {
                return value;
            }
        }
        String format = get("format");
        if (format != null) {
            String value = format.strip().toLowerCase(Locale.ROOT);
            if (value.equals(JSON) || value.equals(CSV)) {
                return value;
            }
        }
        return XML;
    }

    /** A list parameter in whichever encoding it came; empty when not given. */
    List<String> list(String name) {
        TreeMap<Integer, String> indexed = new TreeMap<>();
        List<String> unindexed = new ArrayList<>();
        values.forEach((key, given) -> {
            Matcher m = INDEXED.matcher(key);
            if (m.matches() && m.group(1).equals(name)) {
                for (String value : given) {
                    if (value != null && !value.isBlank()) {
                        if (m.group(2).isEmpty() || m.group(2).length() > 6) {
                            unindexed.add(value.strip());
                        } else {
                            indexed.put(Integer.parseInt(m.group(2)), value.strip());
                        }
                    }
                }
            }
        });
        List<String> result = new ArrayList<>(indexed.values());
        result.addAll(unindexed);
        String plain = get(name);
        if (plain != null) {
            for (String[] all : new String[][] {values.get(name)}) {
                for (String value : all) {
                    for (String part : value.split(",")) {
                        if (!part.isBlank()) {
                            result.add(part.strip());
                        }
                    }
                }
            }
        }
        return result;
    }
}
