package org.researchportal.reporting;

import static org.researchportal.reporting.OdmWriting.itemOid;
import static org.researchportal.reporting.OdmWriting.number;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentRecord;

/**
 * An instrument form's values by item OID, as the export writes them, from the record or from an audit snapshot of
 * it, and what changed between two of them: the archive replays the audit trail through these.
 */
final class ArchiveValues {

    private static final String INSERT = "Insert";

    /** One item's change: Insert, Update or Remove (with no value). */
    record Change(String item, String transaction, @Nullable String value) {}

    private ArchiveValues() {
    }

    /** The items whose values differ between two states of a form, in the later state's order, then the removed. */
    static List<Change> changes(Map<String, String> before, Map<String, String> after) {
        List<Change> changes = new ArrayList<>();
        after.forEach((item, value) -> {
            if (!before.containsKey(item)) {
                changes.add(new Change(item, INSERT, value));
            } else if (!Objects.equals(before.get(item), value)) {
                changes.add(new Change(item, "Update", value));
            }
        });
        before.keySet().stream().filter(item -> !after.containsKey(item)).sorted()
                .forEach(item -> changes.add(new Change(item, "Remove", null)));
        return changes;
    }

    /** A recorded assessment's values as the export writes them. */
    static Map<String, String> of(AssessmentRecord record) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(itemOid(record.instrument(), "assessed_on"), record.assessedOn().toString());
        values.put(itemOid(record.instrument(), "version"), String.valueOf(record.instrumentVersion()));
        values.putAll(respondent(record.instrument(), record.respondent().name(), record.identifiedBy() == null ? null
                : record.identifiedBy().name()));
        record.answers().forEach((k, v) -> values.put(itemOid(record.instrument(), k), v));
        record.scores().forEach((k, v) -> values.put(itemOid(record.instrument(), k), number(v)));
        return values;
    }

    /** An assessment's values as its audit snapshot holds them (stored BSON: dates as dates, numbers as numbers). */
    static Map<String, String> of(String instrument, Map<String, Object> snapshot) {
        Map<String, String> values = new LinkedHashMap<>();
        Object on = snapshot.get("assessedOn");
        if (on != null) {
            values.put(itemOid(instrument, "assessed_on"), day(on));
        }
        if (snapshot.get("instrumentVersion") instanceof Number version) {
            values.put(itemOid(instrument, "version"), String.valueOf(version.intValue()));
        }
        // An entry made before the portal knew who answered was staff's.
        Object respondent = snapshot.get("respondent");
        Object identifiedBy = snapshot.get("identifiedBy");
        values.putAll(respondent(instrument, respondent == null ? "STAFF" : String.valueOf(respondent),
                identifiedBy == null ? null : String.valueOf(identifiedBy)));
        if (snapshot.get("answers") instanceof Map<?, ?> answers) {
            answers.forEach((k, v) -> values.put(itemOid(instrument, String.valueOf(k)), String.valueOf(v)));
        }
        if (snapshot.get("scores") instanceof Map<?, ?> scores) {
            scores.forEach((k, v) -> {
                if (v instanceof Number score) {
                    values.put(itemOid(instrument, String.valueOf(k)), number(score.doubleValue()));
                }
            });
        }
        return values;
    }

    /**
     * Who gave a form's answers and, for her own, how the participant was identified, by their codes (as the
     * metadata's code lists have them: {@code participant}, {@code link_and_sms_code}). When they were given is each
     * value's audit record's time in the archive, and an item of its own in the export.
     */
    static Map<String, String> respondent(String instrument, String respondent, @Nullable String identifiedBy) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(itemOid(instrument, "respondent"), respondent.toLowerCase(Locale.ROOT));
        if (identifiedBy != null) {
            values.put(itemOid(instrument, "identified_by"), identifiedBy.toLowerCase(Locale.ROOT));
        }
        return values;
    }

    /** A timepoint recorded as missed or not done, as the export writes it. */
    static Map<String, String> visit(String kind, String reason) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("I.VISIT.STATUS", kind);
        values.put("I.VISIT.REASON", reason);
        return values;
    }

    /** The same from its audit snapshot (the kind stored by its name). */
    static Map<String, String> visit(Map<String, Object> snapshot) {
        return visit(String.valueOf(snapshot.get("kind")).toLowerCase(Locale.ROOT), String.valueOf(snapshot.get(
                "reason")));
    }

    /** A day as the snapshot stored it: Spring Data writes a LocalDate as the instant of its start, in this zone. */
    private static String day(Object stored) {
        if (stored instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault()).toString();
        }
        return String.valueOf(stored);
    }
}
