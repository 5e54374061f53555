package org.researchportal.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.GuessingLimit;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.ApiTokenService;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * REDCap's API shape over real HTTP, as PyCap, REDCapR and redcapAPI call it: a form POST to a path ending in /api/, a
 * 32-hex token of one person, role and study, REDCap's answers and REDCap's errors.
 */
class RedcapApiTests extends PortalTest {

    private static final String NO_PERMISSION = "You do not have permissions to use the API";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    StudyService studies;
    @Autowired
    BlindedParticipants participants;
    @Autowired
    AssessmentService assessments;
    @Autowired
    AuditTrail audit;
    @Autowired
    GuessingLimit apiTokenGuesses;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The REDCap tokens the demo seeds and prints (see DemoTenantSeed). */
    static String redcapToken(String tenant, PortalRole role) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(("research-portal-demo-redcap:" + tenant + ":"
                + role.name() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().withUpperCase().formatHex(digest, 0, 16);
    }

    private String url() {
        return "http://localhost:" + port + "/redcap/api/";
    }

    HttpResponse<String> post(String url, List<String[]> parameters) throws Exception {
        StringBuilder body = new StringBuilder();
        for (String[] p : parameters) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A call with a token and name/value pairs. */
    HttpResponse<String> call(String token, String... pairs) throws Exception {
        List<String[]> parameters = new ArrayList<>();
        parameters.add(new String[] {"token", token});
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.add(new String[] {pairs[i], pairs[i + 1]});
        }
        return post(url(), parameters);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.propertyNames().forEach(keys::add);
        return keys;
    }

    private static String clinician() throws Exception {
        return redcapToken("fudan", PortalRole.CLINICIAN);
    }

    // ------------------------------------------------------------------------------------------------------------

    @Test
    void versionIsPlainMajorMinorPatchWhateverTheFormat() throws Exception {
        for (String format : new String[] {null, "json", "csv", "xml"}) {
            HttpResponse<String> answer = format == null ? call(clinician(), "content", "version")
                    : call(clinician(), "content", "version", "format", format);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).matches("\\d+\\.\\d+\\.\\d+").doesNotContainIgnoringCase("html");
        }
        // Without the trailing slash too (redcapAPI adds one, others may not).
        HttpResponse<String> bare = post("http://localhost:" + port + "/redcap/api", List.of(new String[] {"token",
                clinician()}, new String[] {"content", "version"}));
        assertThat(bare.body()).isEqualTo("14.0.0");
    }

    @Test
    void projectInformationHasEveryKeyClientsRead() throws Exception {
        JsonNode project = json(call(clinician(), "content", "project", "format", "json"));
        assertThat(project.isObject()).isTrue();
        assertThat(keys(project)).startsWith("project_id", "project_title", "creation_time", "production_time",
                "in_production").contains("is_longitudinal", "has_repeating_instruments_or_events",
                        "record_autonumbering_enabled", "purpose", "surveys_enabled", "randomization_enabled",
                        "missing_data_codes", "bypass_branching_erase_field_prompt");
        assertThat(project.get("project_title").asString()).contains("RE-MS");
        assertThat(project.get("is_longitudinal").isInt()).isTrue();
        assertThat(project.get("is_longitudinal").asInt()).isEqualTo(1);
        assertThat(project.get("has_repeating_instruments_or_events").asInt()).isZero();
        assertThat(project.get("project_id").isInt()).isTrue();

        HttpResponse<String> csv = call(clinician(), "content", "project", "format", "csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "text/csv"));
        String[] lines = csv.body().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("project_id,project_title,").contains("has_repeating_instruments_or_events");

        HttpResponse<String> xml = call(clinician(), "content", "project");
        assertThat(xml.body()).startsWith("<?xml").contains("<project><project_id>", "<is_longitudinal>1<");
    }

    @Test
    void metadataIsTheDataDictionaryWithItsEighteenKeysRecordIdFirst() throws Exception {
        JsonNode fields = json(call(clinician(), "content", "metadata", "format", "json"));
        assertThat(keys(fields.get(0))).containsExactly("field_name", "form_name", "section_header", "field_type",
                "field_label", "select_choices_or_calculations", "field_note",
                "text_validation_type_or_show_slider_number", "text_validation_min", "text_validation_max",
                "identifier", "branching_logic", "required_field", "custom_alignment", "question_number",
                "matrix_group_name", "matrix_ranking", "field_annotation");
        assertThat(fields.get(0).get("field_name").asString()).isEqualTo("record_id");
        assertThat(fields.get(0).get("form_name").asString()).isEqualTo("bpi_sf");
        fields.forEach(f -> f.properties().forEach(p -> assertThat(p.getValue().isString()).isTrue()));

        HttpResponse<String> csv = call(clinician(), "content", "metadata", "format", "csv");
        assertThat(csv.body()).startsWith("field_name,form_name,section_header,field_type,field_label,")
                .contains("\nrecord_id,bpi_sf,,text,\"Study number\",");
        HttpResponse<String> xml = call(clinician(), "content", "metadata", "format", "xml");
        assertThat(xml.body()).startsWith("<?xml").contains("<records><item><field_name>record_id</field_name>");

        // Filters, in each encoding clients use.
        assertThat(json(call(clinician(), "content", "metadata", "format", "json", "fields[0]", "worst",
                "fields[1]", "stiffness"))).hasSize(2);
        assertThat(json(call(clinician(), "content", "metadata", "format", "json", "forms", "grip")))
                .allSatisfy(f -> assertThat(f.get("form_name").asString()).isEqualTo("grip"));
        HttpResponse<String> unknown = call(clinician(), "content", "metadata", "format", "csv", "fields", "nope");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("ERROR: The following values in the parameter fields are not valid: "
                + "'nope'");
    }

    @Test
    void instrumentsEventsArmsAndTheirMapping() throws Exception {
        JsonNode instruments = json(call(clinician(), "content", "instrument", "format", "json"));
        assertThat(instruments.get(0).get("instrument_name").asString()).isEqualTo("bpi_sf");
        assertThat(keys(instruments.get(0))).containsExactly("instrument_name", "instrument_label");
        assertThat(call(clinician(), "content", "instrument", "format", "csv").body())
                .startsWith("instrument_name,instrument_label\nbpi_sf,");

        JsonNode events = json(call(clinician(), "content", "event", "format", "json"));
        assertThat(events).hasSize(3);
        assertThat(keys(events.get(0))).startsWith("event_name", "arm_num", "unique_event_name",
                "custom_event_label", "event_id").contains("day_offset", "offset_min", "offset_max");
        assertThat(events.get(0).get("unique_event_name").asString()).isEqualTo("baseline_arm_1");
        assertThat(events.get(1).get("unique_event_name").asString()).isEqualTo("week_6_arm_1");
        assertThat(events.get(1).get("day_offset").asInt()).isEqualTo(42);
        assertThat(events.get(0).get("arm_num").isInt()).isTrue();
        assertThat(events.get(0).get("event_id").isInt()).isTrue();
        assertThat(call(clinician(), "content", "event", "format", "csv").body())
                .startsWith("event_name,arm_num,unique_event_name,custom_event_label,event_id");

        JsonNode arms = json(call(clinician(), "content", "arm", "format", "json"));
        assertThat(arms.toString()).isEqualTo("[{\"arm_num\":1,\"name\":\"Arm 1\"}]");

        // PyCap decides "longitudinal" by this call succeeding.
        JsonNode mapping = json(call(clinician(), "content", "formEventMapping", "format", "json", "arms", ""));
        assertThat(mapping).hasSize(15);
        assertThat(mapping.get(0).toString()).isEqualTo(
                "{\"arm_num\":1,\"unique_event_name\":\"baseline_arm_1\",\"form\":\"bpi_sf\"}");
        assertThat(call(clinician(), "content", "formEventMapping", "format", "csv").body())
                .startsWith("arm_num,unique_event_name,form\n1,baseline_arm_1,bpi_sf\n");
        assertThat(call(clinician(), "content", "formEventMapping", "format", "json", "arms[0]", "2")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void exportFieldNamesLeaveOutDescriptiveFieldsAndAddEachFormsCompletion() throws Exception {
        JsonNode names = json(call(clinician(), "content", "exportFieldNames", "format", "json"));
        List<String> exported = new ArrayList<>();
        names.forEach(n -> exported.add(n.get("export_field_name").asString()));
        assertThat(exported.getFirst()).isEqualTo("record_id");
        assertThat(exported).containsSubsequence("interference_enjoyment", "pain_severity", "pain_interference",
                "bpi_sf_complete", "stiffness").contains("qol_demo_complete", "grip_complete");
        assertThat(keys(names.get(0))).containsExactly("original_field_name", "choice_value", "export_field_name");
        JsonNode one = json(call(clinician(), "content", "exportFieldNames", "format", "json", "field", "worst"));
        assertThat(one).hasSize(1);
        assertThat(call(clinician(), "content", "exportFieldNames", "format", "csv").body())
                .startsWith("original_field_name,choice_value,export_field_name\nrecord_id,,record_id\n");
    }

    @Test
    void recordsExportFlatAndEavWithFiltersInEveryArrayEncoding() throws Exception {
        JsonNode all = json(call(clinician(), "content", "record", "format", "json", "type", "flat"));
        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        JsonNode first = all.get(0);
        assertThat(keys(first)).startsWith("record_id", "redcap_event_name", "worst").contains("bpi_sf_complete");
        assertThat(first.get("record_id").asString()).startsWith("RE-MS-");
        List<String> entered = new ArrayList<>();
        all.forEach(r -> {
            if (r.get("bpi_sf_complete").asString().equals("2")) {
                entered.add(r.get("record_id").asString());
            }
        });
        assertThat(entered).hasSizeGreaterThanOrEqualTo(2);
        JsonNode baseline = find(all, entered.getFirst(), "baseline_arm_1");
        assertThat(baseline.get("worst").asString()).isEqualTo("6");
        assertThat(baseline.get("pain_severity").asString()).isEqualTo("3.75");
        assertThat(baseline.get("still_taking").asString()).isEqualTo("1");

        String a = entered.get(0);
        String b = entered.get(1);
        for (String[] encoding : new String[][] {{"records[0]", a, "records[1]", b}, {"records[1]", a, "records[2]",
                b}, {"records", a + "," + b}, {"records[]", a, "records[]", b}}) {
            List<String> pairs = new ArrayList<>(List.of("content", "record", "format", "json", "fields[0]", "",
                    "filterLogic", "", "exportCheckboxLabel", "FALSE"));
            pairs.addAll(List.of(encoding));
            JsonNode two = json(call(clinician(), pairs.toArray(String[]::new)));
            List<String> ids = new ArrayList<>();
            two.forEach(r -> ids.add(r.get("record_id").asString()));
            assertThat(ids).as(String.join(" ", encoding)).containsOnly(a, b).contains(a, b);
        }

        JsonNode fields = json(call(clinician(), "content", "record", "format", "json", "records", a, "fields",
                "record_id,worst, bpi_sf_complete"));
        assertThat(keys(fields.get(0))).containsExactly("record_id", "redcap_event_name", "worst",
                "bpi_sf_complete");
        JsonNode forms = json(call(clinician(), "content", "record", "format", "json", "records", a, "forms[0]",
                "grip"));
        assertThat(keys(forms.get(0))).contains("right_1", "right_max", "grip_complete").doesNotContain("worst");
        assertThat(find(forms, a, "baseline_arm_1").get("right_max").asString()).isEqualTo("22");
        assertThat(json(call(clinician(), "content", "record", "format", "json", "records", a, "events[0]",
                "week_12_arm_1"))).isEmpty();

        HttpResponse<String> labels = call(clinician(), "content", "record", "format", "csv", "records", a,
                "events", "baseline_arm_1", "fields", "still_taking,bpi_sf_complete", "rawOrLabel", "label",
                "rawOrLabelHeaders", "label");
        assertThat(labels.body()).isEqualTo("\"Study number\",\"Event Name\",Complete?,\"Still taking the aromatase "
                + "inhibitor\"\n" + a + ",Baseline,Complete,Yes\n");

        JsonNode eav = json(call(clinician(), "content", "record", "format", "json", "type", "eav", "records", a,
                "events", "baseline_arm_1", "fields", "worst,still_taking"));
        assertThat(eav.toString()).isEqualTo("[{\"record\":\"" + a + "\",\"field_name\":\"worst\",\"value\":\"6\","
                + "\"redcap_event_name\":\"baseline_arm_1\"},{\"record\":\"" + a + "\",\"field_name\":\"still_taking\","
                + "\"value\":\"1\",\"redcap_event_name\":\"baseline_arm_1\"}]");
        assertThat(call(clinician(), "content", "record", "format", "csv", "type", "eav", "records", a, "fields",
                "worst").body()).startsWith("record,field_name,value,redcap_event_name\n" + a + ",worst,6,");
        assertThat(call(clinician(), "content", "record", "format", "xml", "records", a, "fields", "worst").body())
                .startsWith("<?xml").contains("<records><item><record_id>" + a + "</record_id>");
        HttpResponse<String> unknown = call(clinician(), "content", "record", "format", "json", "fields", "nope");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"The following values in the parameter fields are not "
                + "valid: 'nope'\"}");
    }

    private static JsonNode find(JsonNode rows, String record, String event) {
        for (JsonNode row : rows) {
            if (row.get("record_id").asString().equals(record) && row.get("redcap_event_name").asString().equals(
                    event)) {
                return row;
            }
        }
        throw new AssertionError("no row " + record + " " + event + " in " + rows);
    }
}
