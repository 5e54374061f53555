package org.researchportal.redcap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.Choice;
import org.researchportal.assessments.DataDictionary;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import org.researchportal.study.StudySummary;
import org.researchportal.study.Timepoint;

/**
 * One study as a REDCap project: a longitudinal project with one arm, an event per timepoint of its schedule, a form
 * per instrument the schedule holds (in the order the schedule first names them), the study number as record id.
 *
 * @param instruments each form's instrument as exports lay it out (the newest version's items, then items only older
 *        versions had)
 */
record RedcapProject(StudySummary study, List<Event> events, List<Instrument> instruments) {

    /** A timepoint as a REDCap event. */
    record Event(Timepoint timepoint, String uniqueName, int id) {

        static String uniqueName(Timepoint timepoint) {
            String name = timepoint.code().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                    .replaceAll("^_+|_+$", "");
            return (name.isEmpty() ? "event" : name) + "_arm_1";
        }

        boolean holds(String form) {
            return timepoint.instruments().contains(form);
        }
    }

    /** One column of a flat export: a field, a checkbox's choice or a form's completion. */
    record Column(String exportName, String form, @Nullable Item item, @Nullable Choice choice) {

        boolean complete() {
            return item == null && !exportName.equals(DataDictionary.RECORD_ID);
        }
    }

    static RedcapProject of(StudySummary study, List<Timepoint> schedule,
            java.util.function.Function<String, Optional<Instrument>> instrument) {
        List<Event> events = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Timepoint t : schedule) {
            events.add(new Event(t, Event.uniqueName(t), events.size() + 1));
            codes.addAll(t.instruments());
        }
        List<Instrument> instruments = new ArrayList<>();
        codes.forEach(c -> instrument.apply(c).ifPresent(instruments::add));
        return new RedcapProject(study, events, instruments);
    }

    /** A whole number that stands for the study where REDCap has its project id. */
    int projectId() {
        return Math.floorMod(study.id().hashCode(), 900_000) + 100_000;
    }

    Optional<Event> event(String uniqueName) {
        return events.stream().filter(e -> e.uniqueName().equals(uniqueName)).findFirst();
    }

    /**
     * Whether a form is a survey, as REDCap would call it: the participant completes it herself at some timepoint.
     */
    boolean survey(String form) {
        return events.stream().anyMatch(e -> e.timepoint().byParticipant(form));
    }

    /** Whether any form is a survey (REDCap's "surveys enabled"). */
    boolean surveys() {
        return instruments.stream().anyMatch(i -> survey(i.code()));
    }

    Optional<Instrument> form(String code) {
        return instruments.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The form an item belongs to, with the item. */
    Optional<Map.Entry<Instrument, Item>> field(String name) {
        for (Instrument instrument : instruments) {
            Optional<Item> item = instrument.item(name);
            if (item.isPresent()) {
                return Optional.of(Map.entry(instrument, item.get()));
            }
        }
        return Optional.empty();
    }

    /** The columns of a flat export, all of them: record id, each form's fields, then the form's completion. */
    List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        for (Instrument instrument : instruments) {
            if (columns.isEmpty()) {
                columns.add(new Column(DataDictionary.RECORD_ID, instrument.code(), null, null));
            }
            for (Item item : instrument.items()) {
                if (item.type() == ItemType.DESCRIPTIVE) {
                    continue;
                }
                if (item.type() == ItemType.MULTIPLE_CHOICE) {
                    item.choices().forEach(c -> columns.add(new Column(checkboxName(item, c), instrument.code(), item,
                            c)));
                } else {
                    columns.add(new Column(item.code(), instrument.code(), item, null));
                }
            }
            columns.add(new Column(instrument.code() + "_complete", instrument.code(), null, null));
        }
        return columns;
    }

    static String checkboxName(Item item, Choice choice) {
        return item.code() + "___" + choice.code().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** REDCap's exportFieldNames rows (field is one original field name, or all when none). */
    List<Map<String, String>> exportFieldNames(@Nullable String field) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Column column : columns()) {
            String original = column.item() != null ? column.item().code() : column.exportName();
            if (field != null && !field.equals(original)) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            row.put("original_field_name", original);
            row.put("choice_value", column.choice() == null ? "" : column.choice().code());
            row.put("export_field_name", column.exportName());
            rows.add(row);
        }
        return rows;
    }
}
