package org.researchportal.redcap;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.DataDictionary;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.base.Csv;
import org.researchportal.identity.StudyTokenScope;
import org.researchportal.redcap.RedcapOutput.Answer;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * REDCap's API shape: one form-encoded POST, {@code content} saying what. Its clients (PyCap, REDCapR, redcapAPI)
 * check the path ends in {@code /api/}, the token has 32 hexadecimal characters, success is 200 and an error is
 * {@code {"error": ...}} in JSON, {@code ERROR: ...} in CSV; so it answers as REDCap does, to the letter where clients
 * compare texts. The token (identity's {@code RedcapTokenFilter}) is checked before anything else.
 */
@RestController
class RedcapApi {

    /** The REDCap version this shape follows; clients parse it as MAJOR.MINOR.PATCH. */
    static final String VERSION = "14.0.0";
    static final int MAX_IMPORT_ROWS = 10_000;
    private static final String NOT_FORMATTED = "The data being imported is not formatted correctly";

    private final StudyService studies;
    private final InstrumentLibrary instruments;
    private final RedcapRecords records;

    RedcapApi(StudyService studies, InstrumentLibrary instruments, RedcapRecords records) {
        this.studies = studies;
        this.instruments = instruments;
        this.records = records;
    }

    @PostMapping(path = {"/redcap/api", "/redcap/api/"})
    ResponseEntity<byte[]> call(HttpServletRequest request) {
        var parameters = new RedcapParameters(request.getParameterMap());
        String returnFormat = parameters.returnFormat();
        Answer answer;
        try {
            StudySummary study = studies.study(scope().studyId())
                    .orElseThrow(() -> RedcapFailure.forbidden(RedcapFailure.NO_PERMISSION));
            answer = answer(parameters, study);
        } catch (RedcapFailure failure) {
            answer = RedcapOutput.error(failure.status(), failure.getMessage(), returnFormat);
        } catch (AccessDeniedException refused) {
            answer = RedcapOutput.error(403, RedcapFailure.NO_PERMISSION, returnFormat);
        }
        return ResponseEntity.status(answer.status()).header(HttpHeaders.CONTENT_TYPE, answer.contentType())
                .body(answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private static StudyTokenScope scope() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.isAuthenticated() && caller.getDetails() instanceof StudyTokenScope scope) {
            return scope;
        }
        throw RedcapFailure.forbidden(RedcapFailure.NO_PERMISSION);
    }

    private Answer answer(RedcapParameters parameters, StudySummary study) {
        String content = parameters.get("content");
        if (content == null) {
            throw RedcapFailure.badRequest("The value of the parameter \"content\" is not valid");
        }
        if (content.equals("version")) {
            return new Answer(200, VERSION, "text/plain; charset=utf-8");
        }
        String format = parameters.format();
        RedcapProject project = RedcapProject.of(study, studies.schedule(study.id()), instruments::acrossVersions);
        return switch (content) {
            case "project" -> RedcapOutput.object(projectInformation(project), "project", format);
            case "metadata" -> metadata(project, parameters, format);
            case "instrument" -> RedcapOutput.table(project.instruments().stream().map(i -> ordered("instrument_name",
                    i.code(), "instrument_label", i.name().en())).toList(), List.of("instrument_name",
                            "instrument_label"), format);
            case "event" -> events(project, parameters, format);
            case "arm" -> {
                arms(parameters);
                yield RedcapOutput.table(List.of(ordered("arm_num", 1, "name", "Arm 1")), List.of("arm_num", "name"),
                        format);
            }
            case "formEventMapping" -> {
                arms(parameters);
                List<Map<String, Object>> rows = new ArrayList<>();
                project.events().forEach(e -> project.instruments().stream().filter(i -> e.holds(i.code()))
                        .forEach(i -> rows.add(ordered("arm_num", 1, "unique_event_name", e.uniqueName(), "form",
                                i.code()))));
                yield RedcapOutput.table(rows, List.of("arm_num", "unique_event_name", "form"), format);
            }
            case "exportFieldNames" -> {
                String field = parameters.get("field");
                var rows = project.exportFieldNames(field);
                if (field != null && rows.isEmpty()) {
                    throw RedcapRecords.notValid("field", List.of(field));
                }
                yield RedcapOutput.table(rows, List.of("original_field_name", "choice_value", "export_field_name"),
                        format);
            }
            // No data access groups and no repeating forms: empty answers, as REDCap gives for a project without.
            case "dag" -> RedcapOutput.table(List.of(), List.of("data_access_group_name", "unique_group_name",
                    "data_access_group_id"), format);
            case "repeatingFormsEvents" -> RedcapOutput.table(List.of(), List.of("event_name", "form_name",
                    "custom_form_label"), format);
            case "record" -> record(project, parameters, format);
            default -> throw RedcapFailure.badRequest("The value of the parameter \"content\" is not valid");
        };
    }

    /** Only arm 1 exists (REDCap's arms are schedules, not the trial's randomised arms, which never show here). */
    private static void arms(RedcapParameters parameters) {
        List<String> unknown = parameters.list("arms").stream().filter(a -> !a.equals("1")).toList();
        if (!unknown.isEmpty()) {
            throw RedcapRecords.notValid("arms", unknown);
        }
    }

    private static Map<String, Object> projectInformation(RedcapProject project) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("project_id", project.projectId());
        info.put("project_title", project.study().acronym() + ": " + project.study().title());
        info.put("creation_time", "");
        info.put("production_time", "");
        info.put("in_production", 1);
        info.put("project_language", "English");
        info.put("purpose", 2);
        info.put("purpose_other", "");
        info.put("project_notes", project.study().registryId() == null ? ""
                : "Registered as " + project.study().registryId());
        info.put("custom_record_label", "");
        info.put("secondary_unique_field", "");
        info.put("is_longitudinal", 1);
        info.put("has_repeating_instruments_or_events", 0);
        info.put("surveys_enabled", project.surveys() ? 1 : 0);
        info.put("scheduling_enabled", 1);
        info.put("record_autonumbering_enabled", 0);
        // Randomisation is the portal's, and which arm a record is in is never part of this API.
        info.put("randomization_enabled", 0);
        info.put("ddp_enabled", 0);
        info.put("project_irb_number", "");
        // REDCap has no field for a trial registration; a grant number it is not, so it goes in the notes.
        info.put("project_grant_number", "");
        info.put("project_pi_firstname", "");
        info.put("project_pi_lastname", "");
        info.put("project_pi_email", "");
        info.put("display_today_now_button", 1);
        info.put("missing_data_codes", "");
        info.put("external_modules", "");
        info.put("bypass_branching_erase_field_prompt", 0);
        return info;
    }

    private static Answer metadata(RedcapProject project, RedcapParameters parameters, String format) {
        List<Map<String, String>> fields = DataDictionary.fields(project.instruments());
        List<String> named = parameters.list("fields");
        List<String> forms = parameters.list("forms");
        List<String> unknownFields = named.stream().filter(n -> fields.stream().noneMatch(f -> f.get("field_name")
                .equals(n))).toList();
        if (!unknownFields.isEmpty()) {
            throw RedcapRecords.notValid("fields", unknownFields);
        }
        List<String> unknownForms = forms.stream().filter(n -> project.form(n).isEmpty()).toList();
        if (!unknownForms.isEmpty()) {
            throw RedcapRecords.notValid("forms", unknownForms);
        }
        List<Map<String, String>> chosen = named.isEmpty() && forms.isEmpty() ? fields : fields.stream()
                .filter(f -> named.contains(f.get("field_name")) || forms.contains(f.get("form_name"))).toList();
        return RedcapOutput.table(chosen, DataDictionary.METADATA_KEYS, format);
    }

    private static Answer events(RedcapProject project, RedcapParameters parameters, String format) {
        arms(parameters);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RedcapProject.Event e : project.events()) {
            Map<String, Object> row = ordered("event_name", e.timepoint().label(), "arm_num", 1, "unique_event_name",
                    e.uniqueName(), "custom_event_label", "", "event_id", e.id());
            row.put("day_offset", e.timepoint().dayOffset());
            row.put("offset_min", e.timepoint().windowBefore());
            row.put("offset_max", e.timepoint().windowAfter());
            rows.add(row);
        }
        return RedcapOutput.table(rows, List.of("event_name", "arm_num", "unique_event_name", "custom_event_label",
                "event_id", "day_offset", "offset_min", "offset_max"), format);
    }

    private Answer record(RedcapProject project, RedcapParameters parameters, String format) {
        String action = parameters.choice("action", "export", "export", "import", "delete");
        if (action.equals("delete")) {
            throw RedcapFailure.forbidden("You do not have Delete Record privileges");
        }
        String type = parameters.choice("type", "flat", "flat", "eav");
        if (action.equals("import") || parameters.get("data") != null) {
            return importRecords(project, parameters, format, type);
        }
        for (String unsupported : List.of("filterLogic", "dateRangeBegin", "dateRangeEnd")) {
            // Refused rather than ignored: a script would otherwise take every record for the ones it filtered.
            if (parameters.get(unsupported) != null) {
                throw RedcapFailure.badRequest("The parameter \"" + unsupported + "\" is not available here: "
                        + "filter with records, fields, forms and events");
            }
        }
        String rawOrLabel = parameters.choice("rawOrLabel", "raw", "raw", "label");
        String headers = parameters.choice("rawOrLabelHeaders", "raw", "raw", "label");
        var rows = records.export(project, new RedcapRecords.Export(type.equals("eav"), parameters.list("records"),
                parameters.list("fields"), parameters.list("forms"), parameters.list("events"),
                rawOrLabel.equals("label"), headers.equals("label"), parameters.flag("exportCheckboxLabel"),
                parameters.flag("exportSurveyFields")));
        if (format.equals(RedcapParameters.CSV)) {
            return Answer.ok(RedcapOutput.csv(rows.rows(), rows.columns(), rows.header()), format);
        }
        return RedcapOutput.table(rows.rows(), rows.columns(), format);
    }

    private Answer importRecords(RedcapProject project, RedcapParameters parameters, String format, String type) {
        String returnFormat = parameters.returnFormat();
        boolean overwrite = parameters.choice("overwriteBehavior", "normal", "normal", "overwrite")
                .equals("overwrite");
        String returnContent = parameters.choice("returnContent", "count", "count", "ids", "nothing");
        if (type.equals("eav") || format.equals(RedcapParameters.XML)) {
            throw RedcapFailure.badRequest("Only flat JSON or CSV data can be imported here");
        }
        if (parameters.flag("forceAutoNumber")) {
            throw RedcapFailure.badRequest("Records are made in the portal: forceAutoNumber is not available");
        }
        String data = parameters.get("data");
        if (data == null) {
            throw RedcapFailure.badRequest("No data was provided");
        }
        List<Map<String, String>> rows = format.equals(RedcapParameters.JSON) ? jsonRows(data) : csvRows(data);
        if (rows.size() > MAX_IMPORT_ROWS) {
            throw RedcapFailure.badRequest("At most " + MAX_IMPORT_ROWS + " rows can be imported at once");
        }
        List<String> ids = records.importRows(project, rows, overwrite);
        return switch (returnContent) {
            case "ids" -> switch (returnFormat) {
                case RedcapParameters.JSON -> Answer.ok(RedcapOutput.JSON.writeValueAsString(ids), returnFormat);
                case RedcapParameters.CSV -> Answer.ok(RedcapOutput.csv(ids.stream().map(i -> Map.of("id", i))
                        .toList(), List.of("id"), List.of("id")), returnFormat);
                default -> Answer.ok(RedcapOutput.xml("ids", ids.stream().map(i -> Map.of("id", i)).toList(),
                        List.of("id")), returnFormat);
            };
            case "nothing" -> Answer.ok("", returnFormat);
            default -> switch (returnFormat) {
                case RedcapParameters.JSON -> Answer.ok(RedcapOutput.JSON.writeValueAsString(Map.of("count",
                        ids.size())), returnFormat);
                case RedcapParameters.CSV -> Answer.ok(String.valueOf(ids.size()), returnFormat);
                default -> Answer.ok("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<count>" + ids.size()
                        + "</count>", returnFormat);
            };
        };
    }

    private static List<Map<String, String>> jsonRows(String data) {
        JsonNode tree;
        try {
            tree = RedcapOutput.JSON.readTree(data);
        } catch (JacksonException malformed) {
            throw RedcapFailure.badRequest(NOT_FORMATTED);
        }
        if (tree == null || !tree.isArray()) {
            throw RedcapFailure.badRequest(NOT_FORMATTED);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode item : tree) {
            if (!item.isObject()) {
                throw RedcapFailure.badRequest(NOT_FORMATTED);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (var field : item.properties()) {
                JsonNode value = field.getValue();
                if (value.isContainer()) {
                    throw RedcapFailure.badRequest(NOT_FORMATTED);
                }
                row.put(field.getKey(), value.isNull() ? "" : value.asString());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, String>> csvRows(String data) {
        List<Csv.Row> lines;
        try {
            lines = Csv.rows(data);
        } catch (Csv.Malformed malformed) {
            throw RedcapFailure.badRequest(NOT_FORMATTED);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        List<String> header = lines.getFirst().cells().stream().map(String::strip).toList();
        for (Csv.Row line : lines.subList(1, lines.size())) {
            if (line.cells().size() == 1 && line.cells().getFirst().isEmpty()) {
                continue;
            }
            if (line.cells().size() != header.size()) {
                throw RedcapFailure.badRequest(NOT_FORMATTED + " (line " + line.line() + ")");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), line.cells().get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> ordered(@Nullable Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return map;
    }
}
