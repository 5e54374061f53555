package org.researchportal.redcap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.Choice;
import org.researchportal.assessments.DataDictionary;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentEntry;
import org.researchportal.assessments.InstrumentScoring;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import org.researchportal.assessments.Respondent;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.redcap.RedcapProject.Column;
import org.researchportal.redcap.RedcapProject.Event;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A project's records: export (flat or EAV, raw or labels, filtered by record, field, form and event) and import. A
 * record is a participant with a study number (the blinded view of them: no arm, whoever asks), a row one of their
 * timepoints with something recorded. An import checks every row first and writes nothing if one is refused; each
 * form of each record at each event it changes becomes one entry through {@link AssessmentService#record}, as the
 * token's person, with the reason "API import".
 */
@Component
class RedcapRecords {

    static final String EVENT = "redcap_event_name";
    static final String IMPORT_REASON = "API import";
    static final String SURVEY_IDENTIFIER = "redcap_survey_identifier";
    /** REDCap's survey timestamp field of a form, {@code <form>_timestamp}. */
    static final String TIMESTAMP = "_timestamp";
    /** How REDCap writes a survey timestamp: the server's local time (here the tenant's), to the second. */
    private static final java.time.format.DateTimeFormatter STAMP = java.time.format.DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    /** Pseudo-fields clients may name or send; they are no fields of the project. */
    private static final Set<String> PSEUDO_FIELDS = Set.of(EVENT, "redcap_repeat_instrument",
            "redcap_repeat_instance", "redcap_survey_identifier", "redcap_data_access_group");

    private final BlindedParticipants participants;
    private final AssessmentService assessments;
    private final com.vaadin.flow.i18n.I18NProvider translations;
    private final java.time.Clock clock;

    RedcapRecords(BlindedParticipants participants, AssessmentService assessments,
            com.vaadin.flow.i18n.I18NProvider translations, java.time.Clock clock) {
        this.participants = participants;
        this.assessments = assessments;
        this.translations = translations;
        this.clock = clock;
    }

    /** What an export asks for. */
    record Export(boolean eav, List<String> records, List<String> fields, List<String> forms, List<String> events,
            boolean labels, boolean labelHeaders, boolean checkboxLabels, boolean surveyFields) {

        Export(boolean eav, List<String> records, List<String> fields, List<String> forms, List<String> events,
                boolean labels, boolean labelHeaders, boolean checkboxLabels) {
            this(eav, records, fields, forms, events, labels, labelHeaders, checkboxLabels, false);
        }
    }

    /** An export's rows and its columns (and, for CSV, its header line). */
    record Rows(List<Map<String, String>> rows, List<String> columns, List<String> header) {}

    /**
     * With {@code exportSurveyFields}, as REDCap: the survey identifier after the event (empty: the portal keeps no
     * participant-list identifier beside the record id), and before each survey form's fields its timestamp, when the
     * participant submitted it herself (empty when staff entered it, at a visit or from a paper form, as REDCap leaves
     * it for data entry). A survey is a form the schedule marks completed by the participant.
     */
    Rows export(RedcapProject project, Export ask) {
        List<Column> columns = selectedColumns(project, ask);
        boolean surveys = ask.surveyFields() && project.surveys();
        java.time.ZoneId zone = surveys ? CurrentUser.require().zone() : java.time.ZoneOffset.UTC;
        List<Event> events = selectedEvents(project, ask.events());
        List<BlindedParticipantRow> records = records(project, ask.records());
        Map<String, List<AssessmentRecord>> entered = new HashMap<>();
        assessments.assessmentsOf(project.study().id(), records.stream().map(BlindedParticipantRow::id).toList())
                .forEach(a -> entered.computeIfAbsent(a.participantId() + "/" + a.timepoint(), k -> new ArrayList<>())
                        .add(a));
        List<Map<String, String>> flat = new ArrayList<>();
        List<Map<String, String>> eav = new ArrayList<>();
        for (BlindedParticipantRow record : records) {
            boolean anything = project.events().stream()
                    .anyMatch(e -> entered.containsKey(record.id() + "/" + e.timepoint().code()));
            for (Event event : events) {
                List<AssessmentRecord> here = entered.getOrDefault(record.id() + "/" + event.timepoint().code(),
                        List.of());
                // A record with nothing entered yet still exists: REDCap keeps its id on the first event.
                boolean firstOfEmpty = !anything && event.id() == project.events().getFirst().id();
                if (here.isEmpty() && !firstOfEmpty) {
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                row.put(DataDictionary.RECORD_ID, orEmpty(record.studyNumber()));
                row.put(EVENT, ask.labels() ? event.timepoint().label() : event.uniqueName());
                if (surveys) {
                    row.put(SURVEY_IDENTIFIER, "");
                }
                String previousForm = null;
                for (Column column : columns) {
                    Optional<AssessmentRecord> entry = here.stream().filter(a -> a.instrument().equals(column.form()))
                            .findFirst();
                    if (surveys && !column.form().equals(previousForm) && project.survey(column.form())) {
                        String stamp = timestamp(event, column.form(), entry.orElse(null), zone);
                        row.put(column.form() + TIMESTAMP, stamp);
                        if (ask.eav() && !stamp.isEmpty()) {
                            eav.add(eavLine(row, column.form() + TIMESTAMP, stamp));
                        }
                    }
                    previousForm = column.form();
                    if (column.exportName().equals(DataDictionary.RECORD_ID)) {
                        continue;
                    }
                    String value = value(column, event, entry.orElse(null), ask);
                    row.put(column.exportName(), value);
                    if (ask.eav() && !value.isEmpty()) {
                        eavRows(eav, row, column, entry.orElse(null), ask);
                    }
                }
                flat.add(row);
            }
        }
        if (ask.eav()) {
            return new Rows(eav, List.of("record", "field_name", "value", EVENT), List.of("record", "field_name",
                    "value", EVENT));
        }
        List<String> names = new ArrayList<>(List.of(DataDictionary.RECORD_ID, EVENT));
        List<String> header = new ArrayList<>(List.of(ask.labelHeaders() ? "Study number" : DataDictionary.RECORD_ID,
                ask.labelHeaders() ? "Event Name" : EVENT));
        if (surveys) {
            names.add(SURVEY_IDENTIFIER);
            header.add(ask.labelHeaders() ? "Survey Identifier" : SURVEY_IDENTIFIER);
        }
        String previousForm = null;
        for (Column column : columns) {
            if (surveys && !column.form().equals(previousForm) && project.survey(column.form())) {
                names.add(column.form() + TIMESTAMP);
                header.add(ask.labelHeaders() ? "Survey Timestamp" : column.form() + TIMESTAMP);
            }
            previousForm = column.form();
            if (!column.exportName().equals(DataDictionary.RECORD_ID)) {
                names.add(column.exportName());
                header.add(ask.labelHeaders() ? headerLabel(column) : column.exportName());
            }
        }
        return new Rows(flat, names, header);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** A survey's timestamp at an event: when she submitted it herself, else empty. */
    private static String timestamp(Event event, String form, @Nullable AssessmentRecord entry, java.time.ZoneId zone) {
        if (entry == null || !event.holds(form) || entry.respondent() != Respondent.PARTICIPANT) {
            return "";
        }
        return STAMP.format(entry.answeredAt().atZone(zone));
    }

    private static Map<String, String> eavLine(Map<String, String> row, String field, String value) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("record", row.get(DataDictionary.RECORD_ID));
        line.put("field_name", field);
        line.put("value", value);
        line.put(EVENT, row.get(EVENT));
        return line;
    }

    private static void eavRows(List<Map<String, String>> eav, Map<String, String> row, Column column,
            @Nullable AssessmentRecord entry, Export ask) {
        String field = column.exportName();
        String value = row.get(field);
        if (column.choice() != null) {
            // A checkbox: one row per ticked choice under the field's own name, the choice's code as the value.
            if (!"1".equals(value) && !"Checked".equals(value)) {
                return;
            }
            field = column.item().code();
            value = ask.labels() ? column.choice().label().en() : column.choice().code();
        }
        Map<String, String> line = new LinkedHashMap<>();
        line.put("record", row.get(DataDictionary.RECORD_ID));
        line.put("field_name", field);
        line.put("value", value);
        line.put(EVENT, row.get(EVENT));
        eav.add(line);
    }

    private String value(Column column, Event event, @Nullable AssessmentRecord entry, Export ask) {
        if (!event.holds(column.form())) {
            return "";
        }
        if (column.complete()) {
            return entry == null ? (ask.labels() ? "Incomplete" : "0") : (ask.labels() ? "Complete" : "2");
        }
        if (entry == null) {
            return "";
        }
        Item item = java.util.Objects.requireNonNull(column.item());
        if (item.type() == ItemType.CALCULATED) {
            Double score = entry.scores().get(item.code());
            return score == null ? orEmpty(entry.answers().get(item.code()))
                    : BigDecimal.valueOf(score).stripTrailingZeros().toPlainString();
        }
        String answer = orEmpty(entry.answers().get(item.code()));
        if (column.choice() != null) {
            boolean ticked = List.of(answer.split(",")).contains(column.choice().code());
            if (!ask.labels()) {
                return ticked ? "1" : "0";
            }
            if (ask.checkboxLabels()) {
                return ticked ? column.choice().label().en() : "";
            }
            return ticked ? "Checked" : "Unchecked";
        }
        if (ask.labels() && !answer.isEmpty()) {
            if (item.type() == ItemType.YES_NO) {
                return "1".equals(answer) ? "Yes" : "No";
            }
            if (item.type() == ItemType.SINGLE_CHOICE) {
                return item.choice(answer).map(c -> c.label().en()).orElse(answer);
            }
        }
        return answer;
    }

    private static String headerLabel(Column column) {
        if (column.item() == null) {
            return "Complete?";
        }
        String label = column.item().label().en();
        return column.choice() == null ? label : label + " (choice=" + column.choice().label().en() + ")";
    }

    /** The columns asked for: all, or the fields and forms named (either given as REDCap spells them). */
    private static List<Column> selectedColumns(RedcapProject project, Export ask) {
        List<Column> all = project.columns();
        List<String> fields = ask.fields().stream().filter(f -> !PSEUDO_FIELDS.contains(f)).toList();
        if (fields.isEmpty() && ask.forms().isEmpty()) {
            return all;
        }
        List<String> unknownForms = ask.forms().stream().filter(f -> project.form(f).isEmpty()).toList();
        if (!unknownForms.isEmpty()) {
            throw notValid("forms", unknownForms);
        }
        List<String> unknownFields = fields.stream().filter(f -> all.stream().noneMatch(c -> c.exportName()
                .equals(f) || (c.item() != null && c.item().code().equals(f)))).toList();
        if (!unknownFields.isEmpty()) {
            throw notValid("fields", unknownFields);
        }
        return all.stream().filter(c -> ask.forms().contains(c.form()) || fields.contains(c.exportName())
                || (c.item() != null && fields.contains(c.item().code()))).toList();
    }

    private static List<Event> selectedEvents(RedcapProject project, List<String> names) {
        List<String> unknown = names.stream().filter(n -> project.event(n).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw notValid("events", unknown);
        }
        return project.events().stream().filter(e -> names.isEmpty() || names.contains(e.uniqueName())).toList();
    }

    static RedcapFailure notValid(String parameter, List<String> values) {
        return RedcapFailure.badRequest("The following values in the parameter " + parameter + " are not valid: '"
                + String.join("', '", values) + "'");
    }

    /** The project's records (participants with a study number), by study number, those asked for only. */
    private List<BlindedParticipantRow> records(RedcapProject project, List<String> asked) {
        return participants.blindedParticipants(project.study().id(), Pageable.unpaged()).stream()
                .filter(p -> p.studyNumber() != null && (asked.isEmpty() || asked.contains(p.studyNumber())))
                .sorted(Comparator.comparing(p -> orEmpty(p.studyNumber()))).toList();
    }

    // ----------------------------------------------------------------------------------------------------------
    // Import

    /** One refusal: REDCap's line {@code "record","field","value","reason"}. */
    record Refusal(String record, String field, String value, String reason) {

        /** Every cell quoted, as REDCap writes these lines. */
        String line() {
            return String.join(",", java.util.stream.Stream.of(record, field, value, reason)
                    .map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList());
        }
    }

    /** What one form of one record at one event becomes. */
    private record Change(BlindedParticipantRow participant, Event event, String form, Map<String, String> answers,
            @Nullable LocalDate assessedOn) {}

    /** Imports flat rows (each a map of export names to values); answers the record ids imported. */
    List<String> importRows(RedcapProject project, List<Map<String, String>> rows, boolean overwrite) {
        if (!CurrentUser.require().hasRole(PortalRole.ASSESSOR)) {
            // A courtesy: AssessmentService refuses it anyway; this way before anything is looked at.
            throw RedcapFailure.forbidden(RedcapFailure.NO_IMPORT);
        }
        unknownFields(project, rows);
        Map<String, BlindedParticipantRow> byNumber = new HashMap<>();
        participants.blindedParticipants(project.study().id(), Pageable.unpaged()).stream()
                .filter(p -> p.studyNumber() != null).forEach(p -> byNumber.put(p.studyNumber(), p));
        List<Refusal> refusals = new ArrayList<>();
        Map<String, Change> changes = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, String> row : rows) {
            String number = orEmpty(row.get(DataDictionary.RECORD_ID)).strip();
            BlindedParticipantRow participant = byNumber.get(number);
            if (participant == null) {
                refusals.add(new Refusal(number, DataDictionary.RECORD_ID, number, number.isEmpty()
                        ? "The record id is missing" : "This record does not exist in this project: records are "
                                + "made in the portal when a participant is randomised"));
                continue;
            }
            String eventName = orEmpty(row.get(EVENT)).strip();
            Optional<Event> event = project.event(eventName);
            if (event.isEmpty()) {
                refusals.add(new Refusal(number, EVENT, eventName, "The event is not valid for this project"));
                continue;
            }
            ids.add(number);
            Map<String, Map<String, String>> byForm = new LinkedHashMap<>();
            for (Map.Entry<String, String> cell : row.entrySet()) {
                String name = cell.getKey();
                String value = orEmpty(cell.getValue()).strip();
                if (name.equals(DataDictionary.RECORD_ID) || PSEUDO_FIELDS.contains(name)) {
                    continue;
                }
                if (name.endsWith(TIMESTAMP) && project.survey(name.substring(0, name.length() - TIMESTAMP
                        .length()))) {
                    continue; // A pseudo-field: REDCap ignores it in an import too.
                }
                if (name.endsWith("_complete") && project.form(name.substring(0, name.length() - 9)).isPresent()) {
                    if (!value.isEmpty() && !Set.of("0", "1", "2").contains(value)) {
                        refusals.add(new Refusal(number, name, value, "The value is not 0, 1 or 2"));
                    }
                    continue;
                }
                FieldRef ref = fieldRef(project, name);
                if (ref.item().type() == ItemType.CALCULATED) {
                    continue; // Scores are the portal's to compute.
                }
                if (!event.get().holds(ref.form())) {
                    if (!value.isEmpty()) {
                        refusals.add(new Refusal(number, name, value, "This field ('" + ref.item().code()
                                + "') exists on an instrument that is not designated for the event named '"
                                + eventName + "'"));
                    }
                    continue;
                }
                if (ref.choice() != null && !value.isEmpty() && !value.equals("0") && !value.equals("1")) {
                    refusals.add(new Refusal(number, name, value, "A checkbox takes 1 or 0"));
                    continue;
                }
                byForm.computeIfAbsent(ref.form(), f -> new LinkedHashMap<>()).put(name, value);
            }
            for (Map.Entry<String, Map<String, String>> form : byForm.entrySet()) {
                String key = participant.id() + "/" + event.get().timepoint().code() + "/" + form.getKey();
                Change before = changes.get(key);
                Map<String, String> base;
                LocalDate assessedOn = null;
                if (before != null) {
                    base = before.answers();
                    assessedOn = before.assessedOn();
                } else {
                    Optional<InstrumentEntry> entry = assessments.entry(participant.id(),
                            event.get().timepoint().code(), form.getKey());
                    AssessmentRecord saved = entry.map(InstrumentEntry::saved).orElse(null);
                    base = saved == null ? new LinkedHashMap<>() : new LinkedHashMap<>(saved.answers());
                    assessedOn = saved == null ? null : saved.assessedOn();
                }
                Map<String, String> merged = merge(project.form(form.getKey()).orElseThrow(), base, form.getValue(),
                        overwrite);
                changes.put(key, new Change(participant, event.get(), form.getKey(), merged, assessedOn));
            }
        }
        List<Change> writes = new ArrayList<>();
        // The version each form was checked against: written with it, or refused if one was published meanwhile.
        Map<Change, Integer> drawnFrom = new java.util.IdentityHashMap<>();
        for (Change change : changes.values()) {
            Optional<InstrumentEntry> entry = assessments.entry(change.participant().id(),
                    change.event().timepoint().code(), change.form());
            AssessmentRecord saved = entry.map(InstrumentEntry::saved).orElse(null);
            if (saved == null ? change.answers().values().stream().allMatch(String::isEmpty)
                    : saved.answers().equals(withoutBlanks(change.answers()))) {
                continue; // Nothing new: REDCap counts the record but changes nothing.
            }
            if (entry.isEmpty()) {
                refusals.add(new Refusal(orEmpty(change.participant().studyNumber()), change.form() + "_complete", "",
                        "The instrument has no published version"));
                continue;
            }
            if (saved != null && saved.respondent() == Respondent.PARTICIPANT) {
                // Her own answers are final: refused with the rest before anything is written.
                refusals.add(new Refusal(orEmpty(change.participant().studyNumber()), change.form() + "_complete", "",
                        translations.getTranslation("assessment.answered-by-participant", Locale.ENGLISH)));
                continue;
            }
            try {
                Map<String, String> kept = InstrumentScoring.validated(entry.get().instrument(), change.answers());
                // A value for an item its branching hides would be dropped: say so rather than count it imported.
                List<String> hidden = change.answers().entrySet().stream().filter(a -> !a.getValue().isEmpty()
                        && !kept.containsKey(a.getKey())).map(Map.Entry::getKey).toList();
                hidden.forEach(code -> refusals.add(new Refusal(orEmpty(change.participant().studyNumber()), code,
                        change.answers().get(code), "The field is hidden by its branching logic for this record")));
                if (hidden.isEmpty()) {
                    writes.add(change);
                    drawnFrom.put(change, entry.get().version());
                }
            } catch (ValidationException refused) {
                refused.fieldMessageKeys().forEach((field, key) -> {
                    String code = field.startsWith("item.") ? field.substring(5) : field;
                    refusals.add(new Refusal(orEmpty(change.participant().studyNumber()), code,
                            orEmpty(change.answers().get(code)), translations.getTranslation(key, Locale.ENGLISH,
                                    refused.arguments(field))));
                });
            }
        }
        if (!refusals.isEmpty()) {
            throw RedcapFailure.badRequest(String.join("\n", refusals.stream().map(Refusal::line).toList()));
        }
        LocalDate today = LocalDate.now(clock.withZone(CurrentUser.require().zone()));
        for (Change change : writes) {
            try {
                assessments.record(change.participant().id(), change.event().timepoint().code(), change.form(),
                        drawnFrom.get(change), change.assessedOn() == null ? today : change.assessedOn(),
                        withoutBlanks(change.answers()), IMPORT_REASON);
            } catch (AccessDeniedException refused) {
                throw RedcapFailure.forbidden(RedcapFailure.NO_IMPORT);
            } catch (ValidationException refused) {
                String field = refused.fieldMessageKeys().keySet().iterator().next();
                throw RedcapFailure.badRequest(new Refusal(orEmpty(change.participant().studyNumber()), field, "",
                        translations.getTranslation(refused.fieldMessageKeys().get(field), Locale.ENGLISH,
                                refused.arguments(field))).line());
            }
        }
        return List.copyOf(ids);
    }

    private static Map<String, String> withoutBlanks(Map<String, String> answers) {
        Map<String, String> kept = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            if (!v.isEmpty()) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    /** The entry's answers with the row's: a blank keeps what was there, unless the import overwrites. */
    private static Map<String, String> merge(Instrument form, Map<String, String> base, Map<String, String> given,
            boolean overwrite) {
        Map<String, String> merged = new LinkedHashMap<>(base);
        Map<String, Set<String>> ticked = new HashMap<>();
        for (Map.Entry<String, String> cell : given.entrySet()) {
            String name = cell.getKey();
            String value = cell.getValue();
            int split = name.indexOf("___");
            Optional<Item> item = form.item(split < 0 ? name : name.substring(0, split));
            if (item.isPresent() && item.get().type() == ItemType.MULTIPLE_CHOICE && split >= 0) {
                Item box = item.get();
                Set<String> codes = ticked.computeIfAbsent(box.code(), c -> new LinkedHashSet<>(
                        base.containsKey(c) && !base.get(c).isEmpty() ? List.of(base.get(c).split(",")) : List.of()));
                Choice choice = box.choices().stream().filter(c -> RedcapProject.checkboxName(box, c).equals(name))
                        .findFirst().orElseThrow();
                if (value.equals("1")) {
                    codes.add(choice.code());
                } else if (value.equals("0") || overwrite) {
                    codes.remove(choice.code());
                }
            } else if (!value.isEmpty() || overwrite) {
                merged.put(name, value);
            }
        }
        ticked.forEach((code, codes) -> {
            Item box = form.item(code).orElseThrow();
            merged.put(code, String.join(",", box.choices().stream().map(Choice::code).filter(codes::contains)
                    .toList()));
        });
        return merged;
    }

    private record FieldRef(String form, Item item, @Nullable Choice choice) {}

    /** What a column of an import names; {@link #unknownFields} made sure it names something. */
    private static FieldRef fieldRef(RedcapProject project, String name) {
        int split = name.indexOf("___");
        if (split > 0) {
            var field = project.field(name.substring(0, split));
            if (field.isPresent() && field.get().getValue().type() == ItemType.MULTIPLE_CHOICE) {
                Item box = field.get().getValue();
                Optional<Choice> choice = box.choices().stream()
                        .filter(c -> RedcapProject.checkboxName(box, c).equals(name)).findFirst();
                if (choice.isPresent()) {
                    return new FieldRef(field.get().getKey().code(), box, choice.get());
                }
            }
        }
        var field = project.field(name).orElseThrow();
        return new FieldRef(field.getKey().code(), field.getValue(), null);
    }

    /** REDCap refuses a whole import that names a field the project does not have. */
    private static void unknownFields(RedcapProject project, List<Map<String, String>> rows) {
        Set<String> known = new LinkedHashSet<>(PSEUDO_FIELDS);
        project.columns().forEach(c -> known.add(c.exportName()));
        project.instruments().stream().filter(i -> project.survey(i.code())).forEach(i -> known.add(i.code()
                + TIMESTAMP));
        Set<String> unknown = new LinkedHashSet<>();
        rows.forEach(r -> r.keySet().stream().filter(k -> !known.contains(k)).forEach(unknown::add));
        if (!unknown.isEmpty()) {
            throw RedcapFailure.badRequest("The following fields were not found in the project as real data fields: "
                    + String.join(", ", unknown));
        }
    }
}
