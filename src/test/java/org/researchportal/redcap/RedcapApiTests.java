package org.researchportal.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.GuessingLimit;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.ApiTokenKind;
import org.researchportal.identity.ApiTokenService;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
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
    org.springframework.context.ApplicationContext beans;
    @Autowired
    GuessingLimit apiTokenGuesses;

    private final HttpClient http = HttpClient.newHttpClient();

    static String redcapToken(String tenant, PortalRole role) throws Exception {
        return demoRedcapToken(tenant, role);
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
        // Other tests may enter this record's week 12: whatever is there, only that event comes back.
        assertThat(json(call(clinician(), "content", "record", "format", "json", "records", a, "events[0]",
                "week_12_arm_1"))).allSatisfy(row -> assertThat(row.get("redcap_event_name").asString())
                        .isEqualTo("week_12_arm_1"));

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
        // A filter this API does not apply is refused, never ignored (REDCapR sends them empty: not given).
        HttpResponse<String> filtered = call(clinician(), "content", "record", "format", "csv", "filterLogic",
                "[worst] > 5");
        assertThat(filtered.statusCode()).isEqualTo(400);
        assertThat(filtered.body()).startsWith("ERROR: The parameter \"filterLogic\" is not available here");
        HttpResponse<String> unknown = call(clinician(), "content", "record", "format", "json", "fields", "nope");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"The following values in the parameter fields are not "
                + "valid: 'nope'\"}");
    }

    private List<String> lakesideNumbersWithout(String timepoint, String instrument, int count) {
        signIn("lakeside.assessor");
        String study = studies.studies().getFirst().id();
        List<String> numbers = new ArrayList<>();
        for (BlindedParticipantRow p : participants.blindedParticipants(study, Pageable.unpaged())) {
            if (p.studyNumber() != null && assessments.find(p.id(), timepoint, instrument).isEmpty()
                    && numbers.size() < count) {
                numbers.add(p.studyNumber());
            }
        }
        assertThat(numbers).hasSize(count);
        return numbers;
    }

    private BlindedParticipantRow lakeside(String studyNumber) {
        signIn("lakeside.assessor");
        String study = studies.studies().getFirst().id();
        return participants.blindedParticipants(study, Pageable.unpaged()).stream()
                .filter(p -> studyNumber.equals(p.studyNumber())).findFirst().orElseThrow();
    }

    @Test
    void aValueForAFieldItsBranchingHidesIsRefusedNotSilentlyDropped() throws Exception {
        String token = redcapToken("fudan", PortalRole.ASSESSOR);
        signIn("fudan.assessor");
        String study = studies.studies().getFirst().id();
        BlindedParticipantRow p = participants.blindedParticipants(study, Pageable.unpaged()).stream()
                .filter(r -> r.studyNumber() != null && assessments.find(r.id(), "week_12", "ai_adherence")
                        .isEmpty()).findFirst().orElseThrow();
        // Still taking it: the stop date is not asked, so a stop date sent with it would be lost.
        HttpResponse<String> refused = call(token, "content", "record", "format", "json", "returnFormat", "json",
                "data", "[{\"record_id\":\"" + p.studyNumber() + "\",\"redcap_event_name\":\"week_12_arm_1\","
                        + "\"still_taking\":\"1\",\"missed_doses_30d\":\"2\",\"stopped_on\":\"2026-01-05\"}]");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("error").asString()).startsWith("\"" + p.studyNumber()
                + "\",\"stopped_on\",\"2026-01-05\",\"The field is hidden by its branching logic");
        signIn("fudan.assessor");
        assertThat(assessments.find(p.id(), "week_12", "ai_adherence")).as("nothing written").isEmpty();
    }

    /**
     * What a participant answered herself is final: an import that would change it is refused before anything of it
     * is written, her answers as she gave them; a paper form's entry imports as the assessor's own does.
     */
    @Test
    void anImportThatWouldChangeAParticipantsOwnAnswersIsRefusedAndWritesNothing() throws Exception {
        var trial = new org.researchportal.assessments.QuestionnaireTrial(beans);
        var her = trial.randomised("Imported Over");
        var onPaper = trial.randomised("Paper Imported");
        trial.signInByLink(her, org.researchportal.base.security.SignInWay.LINK_AND_SMS_CODE);
        assessments.answerOwn("baseline", "stiffness", 1, Map.of("stiffness", "4", "morning_minutes", "20"));
        signIn(trial.person(PortalRole.ASSESSOR));
        String token = tokens.createRedcap("Import test", PortalRole.ASSESSOR, trial.studyId());
        String hers = participants.blindedParticipant(her.participantId()).orElseThrow().studyNumber();
        String paper = participants.blindedParticipant(onPaper.participantId()).orElseThrow().studyNumber();

        HttpResponse<String> refused = call(token, "content", "record", "format", "json", "data", "[{\"record_id\":\""
                + paper + "\",\"redcap_event_name\":\"baseline_arm_1\",\"stiffness\":\"3\",\"morning_minutes\":\"10\"},"
                + "{\"record_id\":\"" + hers + "\",\"redcap_event_name\":\"baseline_arm_1\",\"stiffness\":\"6\","
                + "\"morning_minutes\":\"20\"}]");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("error").asString()).startsWith("\"" + hers
                + "\",\"stiffness_complete\",\"\",").contains("answered this instrument herself");
        assertThat(assessments.find(her.participantId(), "baseline", "stiffness").orElseThrow().answers())
                .containsEntry("stiffness", "4");
        assertThat(assessments.find(onPaper.participantId(), "baseline", "stiffness")).as("nothing written")
                .isEmpty();

        HttpResponse<String> imported = call(token, "content", "record", "format", "json", "data", "[{\"record_id\":\""
                + paper
                + "\",\"redcap_event_name\":\"baseline_arm_1\",\"stiffness\":\"3\",\"morning_minutes\":\"10\"}]");
        assertThat(imported.body()).isEqualTo("{\"count\":1}");
    }

    @Test
    void anAssessorsImportIsRecordedAsThemAndAuditedAsAnApiImportAndABadRowWritesNothing() throws Exception {
        String token = redcapToken("lakeside", PortalRole.ASSESSOR);
        List<String> numbers = lakesideNumbersWithout("week_8", "stiffness", 2);
        String p = numbers.get(0);
        String q = numbers.get(1);

        HttpResponse<String> refused = call(token, "content", "record", "format", "json", "type", "flat",
                "overwriteBehavior", "normal", "returnContent", "count", "returnFormat", "json", "data",
                "[{\"record_id\":\"" + p + "\",\"redcap_event_name\":\"week_8_arm_1\",\"stiffness\":\"4\","
                        + "\"morning_minutes\":\"15\"},{\"record_id\":\"" + q
                        + "\",\"redcap_event_name\":\"week_8_arm_1\",\"stiffness\":\"99\",\"morning_minutes\":\"5\"}]");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("error").asString()).startsWith("\"" + q
                + "\",\"stiffness\",\"99\",");
        assertThat(assessments.find(lakeside(p).id(), "week_8", "stiffness")).as("nothing written").isEmpty();
        assertThat(assessments.find(lakeside(q).id(), "week_8", "stiffness")).isEmpty();

        HttpResponse<String> imported = call(token, "content", "record", "format", "json", "returnFormat", "json",
                "data", "[{\"record_id\":\"" + p + "\",\"redcap_event_name\":\"week_8_arm_1\",\"stiffness\":4,"
                        + "\"morning_minutes\":\"15\",\"stiffness_complete\":\"2\"}]");
        assertThat(imported.body()).isEqualTo("{\"count\":1}");
        var entry = assessments.find(lakeside(p).id(), "week_8", "stiffness").orElseThrow();
        assertThat(entry.answers()).containsExactlyInAnyOrderEntriesOf(Map.of("stiffness", "4", "morning_minutes",
                "15"));
        assertThat(entry.assessedBy()).isEqualTo("lakeside.assessor");

        // A change, as REDCapR sends it: CSV with every cell quoted, ids back; a blank keeps what was there.
        HttpResponse<String> changed = call(token, "content", "record", "format", "csv", "type", "flat",
                "overwriteBehavior", "normal", "returnContent", "ids", "returnFormat", "csv", "data",
                "\"record_id\",\"redcap_event_name\",\"stiffness\",\"morning_minutes\"\n\"" + p
                        + "\",\"week_8_arm_1\",\"5\",\"\"\n");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo("id\n" + p + "\n");
        assertThat(assessments.find(lakeside(p).id(), "week_8", "stiffness").orElseThrow().answers())
                .containsEntry("stiffness", "5").containsEntry("morning_minutes", "15");

        // Overwriting with a blank erases, and a required item cannot be erased.
        HttpResponse<String> erase = call(token, "content", "record", "format", "csv", "overwriteBehavior",
                "overwrite", "data", "record_id,redcap_event_name,morning_minutes\n" + p + ",week_8_arm_1,\n");
        assertThat(erase.statusCode()).isEqualTo(400);
        assertThat(erase.body()).startsWith("ERROR: \"" + p + "\",\"morning_minutes\",\"\",");

        signIn("lakeside.clinician");
        List<AuditEvent> history = audit.history("Assessment", entry.id());
        assertThat(history).hasSize(2);
        assertThat(history).allSatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("API import");
            assertThat(e.getActor()).isEqualTo("lakeside.assessor");
        });
        assertThat(history.get(0).getAction()).isEqualTo("assessment.changed");
        assertThat(history.get(1).getAction()).isEqualTo("assessment.recorded");

        // A clinician's token reads but does not write, as in the portal.
        HttpResponse<String> clinician = call(redcapToken("lakeside", PortalRole.CLINICIAN), "content", "record",
                "format", "json", "data", "[{\"record_id\":\"" + q
                        + "\",\"redcap_event_name\":\"week_8_arm_1\",\"stiffness\":\"3\",\"morning_minutes\":\"5\"}]");
        assertThat(clinician.statusCode()).isEqualTo(403);
        assertThat(clinician.body()).isEqualTo("{\"error\":\"You do not have API Import/Update privileges\"}");
        assertThat(assessments.find(lakeside(q).id(), "week_8", "stiffness")).isEmpty();
    }

    @Test
    void anAssessorsTokenNeverYieldsAnArm() throws Exception {
        String token = redcapToken("fudan", PortalRole.ASSESSOR);
        List<String> bodies = new ArrayList<>();
        for (String content : List.of("project", "metadata", "instrument", "event", "arm", "formEventMapping",
                "exportFieldNames", "record")) {
            for (String format : List.of("json", "csv", "xml")) {
                HttpResponse<String> answer = call(token, "content", content, "format", format);
                assertThat(answer.statusCode()).as(content + " " + format).isEqualTo(200);
                bodies.add(answer.body());
            }
        }
        bodies.add(call(token, "content", "record", "format", "json", "type", "eav").body());
        bodies.add(call(token, "content", "record", "format", "csv", "rawOrLabel", "label", "rawOrLabelHeaders",
                "label", "exportCheckboxLabel", "true").body());
        assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain("Exercise", "Control", "allocat",
                "randomisation_arm", "\"arm\""));
        assertThat(bodies.get(bodies.size() - 1)).contains("RE-MS-");
    }

    @Test
    void withoutAGoodTokenREDCapsRefusalAndWrongTokensCountAgainstTheGuessingLimit() throws Exception {
        apiTokenGuesses.clear();
        try {
            HttpResponse<String> none = post(url(), List.<String[]>of(new String[] {"content", "version"}));
            assertThat(none.statusCode()).isEqualTo(403);
            assertThat(none.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<hash>\n  <error>"
                    + NO_PERMISSION + "</error>\n</hash>");
            HttpResponse<String> wellFormed = call("1234567890ABCDEF1234567890ABCDEF", "content", "project",
                    "format", "csv");
            assertThat(wellFormed.statusCode()).isEqualTo(403);
            assertThat(wellFormed.body()).isEqualTo("ERROR: " + NO_PERMISSION);
            HttpResponse<String> shortOne = call("ABC", "content", "project", "format", "json");
            assertThat(shortOne.statusCode()).isEqualTo(403);
            assertThat(shortOne.body()).isEqualTo("{\"error\":\"" + NO_PERMISSION + "\"}");
            // A bearer token of the REST API is no REDCap token, and a REDCap token no bearer token.
            assertThat(call(demoToken("fudan"), "content", "version").statusCode()).isEqualTo(403);
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/studies"))
                    .header("Authorization", "Bearer " + clinician()).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);

            signIn("fudan.assessor");
            String study = studies.studies().getFirst().id();
            String made = tokens.createRedcap("Revoked REDCap token", PortalRole.ASSESSOR, study);
            assertThat(made).matches("[0-9A-F]{32}");
            assertThat(tokens.myTokens()).anySatisfy(t -> {
                assertThat(t.name()).isEqualTo("Revoked REDCap token");
                assertThat(t.kind()).isEqualTo(ApiTokenKind.REDCAP);
                assertThat(t.studyId()).isEqualTo(study);
            });
            assertThat(call(made, "content", "version").body()).isEqualTo("14.0.0");
            // Lower case, and with the one trailing line break REDCapR allows, is the same token.
            assertThat(call(made.toLowerCase() + "\n", "content", "version").body()).isEqualTo("14.0.0");
            tokens.myTokens().stream().filter(t -> t.name().equals("Revoked REDCap token"))
                    .forEach(t -> tokens.revoke(t.id()));
            HttpResponse<String> revoked = call(made, "content", "record", "format", "json");
            assertThat(revoked.statusCode()).isEqualTo(403);
            assertThat(revoked.body()).doesNotContain("RE-MS");

            int guesses = 0;
            HttpResponse<String> answer;
            do {
                answer = call(String.format("%032X", guesses++), "content", "version");
            } while (answer.statusCode() == 403 && guesses <= apiTokenGuesses.perMinute());
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(call(clinician(), "content", "version").statusCode()).as("not even a good token")
                    .isEqualTo(429);
        } finally {
            apiTokenGuesses.clear();
        }
        assertThat(call(clinician(), "content", "version").statusCode()).isEqualTo(200);
    }

    @Autowired
    org.researchportal.identity.AccountService accounts;

    @Test
    void aDeactivatedPersonOrARoleNoLongerHeldEndsTheToken() throws Exception {
        String token = redcapToken("lakeside", PortalRole.ASSESSOR);
        signIn("lakeside.admin");
        String assessor = accounts.accountsWithRole(PortalRole.ASSESSOR).stream()
                .filter(a -> a.username().equals("lakeside.assessor")).findFirst().orElseThrow().id();
        try {
            accounts.setActive(assessor, false);
            assertThat(call(token, "content", "version", "format", "csv").body()).isEqualTo("ERROR: " + NO_PERMISSION);
            accounts.setActive(assessor, true);
            assertThat(call(token, "content", "version").statusCode()).isEqualTo(200);
            accounts.changeRoles(assessor, Set.of(PortalRole.THERAPIST));
            HttpResponse<String> roleGone = call(token, "content", "record", "format", "json");
            assertThat(roleGone.statusCode()).isEqualTo(403);
            assertThat(roleGone.body()).isEqualTo("{\"error\":\"" + NO_PERMISSION + "\"}");
        } finally {
            signIn("lakeside.admin");
            accounts.setActive(assessor, true);
            accounts.changeRoles(assessor, Set.of(PortalRole.ASSESSOR));
            apiTokenGuesses.clear();
        }
        assertThat(call(token, "content", "record", "format", "json").statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenOfOneTenantNeverSeesAnothersStudyOrRecords() throws Exception {
        String lakeside = redcapToken("lakeside", PortalRole.CLINICIAN);
        JsonNode project = json(call(lakeside, "content", "project", "format", "json"));
        assertThat(project.get("project_title").asString()).contains("STRIDE-K").doesNotContain("RE-MS");
        HttpResponse<String> records = call(lakeside, "content", "record", "format", "csv");
        assertThat(records.body()).contains("STRIDE-K-").doesNotContain("RE-MS");
        // Naming the other tenant's records finds nothing; importing to them writes nothing.
        String fudanNumber = json(call(clinician(), "content", "record", "format", "json")).get(0).get("record_id")
                .asString();
        assertThat(json(call(lakeside, "content", "record", "format", "json", "records", fudanNumber))).isEmpty();
        HttpResponse<String> imported = call(redcapToken("lakeside", PortalRole.ASSESSOR), "content", "record",
                "format", "json", "data", "[{\"record_id\":\"" + fudanNumber
                        + "\",\"redcap_event_name\":\"baseline_arm_1\",\"stiffness\":\"1\"}]");
        assertThat(imported.statusCode()).isEqualTo(400);
        assertThat(imported.body()).contains("does not exist in this project");
    }

    @Test
    void pyCapRedcapRAndRedcapApiWouldAcceptIt() throws Exception {
        String token = clinician();
        // PyCap: url[-5:] == "/api/" and len(token) == 32; REDCapR: its token pattern.
        assertThat(url().substring(url().length() - 5)).isEqualTo("/api/");
        assertThat(token).hasSize(32);
        assertThat(Pattern.compile("^([0-9A-Fa-f]{32})(?:\n)?$").matcher(token).matches()).isTrue();

        // REDCapR's redcap_read(): the calls of redcap_metadata_internal(), then the ids, then a batch.
        List<List<String>> fieldNames = csv(call(token, "content", "exportFieldNames", "format", "csv"));
        assertThat(fieldNames.get(0)).containsExactly("original_field_name", "choice_value", "export_field_name");
        String recordIdField = fieldNames.get(1).get(0);
        assertThat(recordIdField).isEqualTo("record_id");
        JsonNode metadata = json(call(token, "content", "metadata", "format", "json", "returnFormat", "json"));
        metadata.forEach(f -> assertThat(keys(f)).contains("field_name", "form_name", "field_type",
                "text_validation_type_or_show_slider_number"));
        assertThat(csv(call(token, "content", "instrument", "format", "csv")).get(0)).containsExactly(
                "instrument_name", "instrument_label");
        List<List<String>> project = csv(call(token, "content", "project", "format", "csv"));
        assertThat(project.get(1).get(project.get(0).indexOf("has_repeating_instruments_or_events"))).isEqualTo("0");
        HttpResponse<String> dag = call(token, "content", "dag", "format", "csv");
        assertThat(dag.statusCode()).isEqualTo(200);
        assertThat(dag.body()).startsWith("data_access_group_name,unique_group_name");
        List<List<String>> events = csv(call(token, "content", "event", "format", "csv"));
        events.subList(1, events.size()).forEach(e -> assertThat(e.get(4)).matches("\\d+"));
        List<List<String>> ids = csv(call(token, "content", "record", "format", "csv", "type", "flat", "fields",
                recordIdField, "rawOrLabel", "raw", "rawOrLabelHeaders", "raw", "exportCheckboxLabel", "false",
                "exportSurveyFields", "false", "exportDataAccessGroups", "false", "filterLogic", "", "dateRangeBegin",
                "", "dateRangeEnd", "", "exportBlankForGrayFormStatus", "FALSE", "returnFormat", "csv"));
        List<String> distinct = ids.subList(1, ids.size()).stream().map(r -> r.get(0)).distinct().toList();
        assertThat(distinct).hasSizeGreaterThan(3);
        List<String> batch = distinct.subList(0, 3);
        List<List<String>> rows = csv(call(token, "content", "record", "format", "csv", "type", "flat", "records",
                String.join(",", batch), "returnFormat", "csv"));
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0)).distinct().toList())
                .containsExactlyElementsOf(batch);
        assertThat(rows.get(0)).startsWith("record_id", "redcap_event_name");

        // PyCap: metadata first (def_field = its first row), formEventMapping succeeding means longitudinal, then
        // export_records with every field plus each form's completion as fields[i].
        String defField = metadata.get(0).get("field_name").asString();
        assertThat(defField).isEqualTo("record_id");
        assertThat(json(call(token, "content", "formEventMapping", "format", "json"))).isNotEmpty();
        List<String[]> pycap = new ArrayList<>(List.of(new String[] {"token", token}, new String[] {"content",
                "record"}, new String[] {"format", "json"}, new String[] {"type", "flat"}, new String[] {"rawOrLabel",
                        "raw"}, new String[] {"exportCheckboxLabel", "False"}, new String[] {"returnFormat", "json"}));
        List<String> fields = new ArrayList<>();
        metadata.forEach(f -> {
            if (!f.get("field_type").asString().equals("descriptive")) {
                fields.add(f.get("field_name").asString());
            }
        });
        json(call(token, "content", "instrument", "format", "json")).forEach(i -> fields.add(i.get(
                "instrument_name").asString() + "_complete"));
        for (int i = 0; i < fields.size(); i++) {
            pycap.add(new String[] {"fields[" + i + "]", fields.get(i)});
        }
        HttpResponse<String> export = post(url(), pycap);
        JsonNode records = json(export);
        records.forEach(r -> assertThat(keys(r)).contains(defField, "redcap_event_name"));

        // redcapAPI: version as CSV (no "html" anywhere), then 1-based arrays with returnFormat csv.
        HttpResponse<String> version = call(token, "content", "version", "format", "csv");
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.body()).doesNotContainIgnoringCase("html");
        HttpResponse<String> typed = call(token, "content", "record", "format", "csv", "returnFormat", "csv",
                "csvDelimiter", ",", "fields[1]", "record_id", "fields[2]", "worst", "events[1]", "baseline_arm_1",
                "records[1]", batch.get(0));
        assertThat(csv(typed).get(0)).containsExactly("record_id", "redcap_event_name", "worst");
        assertThat(typed.body()).doesNotContain("\r");
    }

    @Test
    void aMultipartFormIsReadLikeAnEncodedOne() throws Exception {
        String boundary = "----redcap" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        for (String[] p : new String[][] {{"token", clinician()}, {"content", "instrument"}, {"format", "csv"}}) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(p[0])
                    .append("\"\r\n\r\n").append(p[1]).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).startsWith("instrument_name,instrument_label\n");
    }

    @Test
    void hostileInputIsRefusedInREDCapsWordsAndWritesNothing() throws Exception {
        String token = redcapToken("lakeside", PortalRole.ASSESSOR);
        String p = lakesideNumbersWithout("week_8", "qol_demo", 1).getFirst();
        assertThat(call(token, "content", "../../etc/passwd", "format", "csv").body())
                .isEqualTo("ERROR: The value of the parameter \"content\" is not valid");
        assertThat(call(token, "format", "csv").statusCode()).isEqualTo(400);
        assertThat(call(token, "content", "record", "format", "yaml").statusCode()).isEqualTo(400);
        assertThat(call(token, "content", "record", "format", "json", "type", "tall").statusCode()).isEqualTo(400);
        for (String data : List.of("[{\"record_id\":", "{\"record_id\":\"x\"}", "[[1,2]]",
                "[{\"record_id\":{\"$ne\":null}}]")) {
            HttpResponse<String> malformed = call(token, "content", "record", "format", "json", "data", data);
            assertThat(malformed.statusCode()).as(data).isEqualTo(400);
            assertThat(malformed.body()).isEqualTo(
                    "{\"error\":\"The data being imported is not formatted correctly\"}");
        }
        HttpResponse<String> badCsv = call(token, "content", "record", "format", "csv", "data",
                "record_id,redcap_event_name\n\"" + p + ",week_8_arm_1\n");
        assertThat(badCsv.body()).startsWith("ERROR: The data being imported is not formatted correctly");
        HttpResponse<String> unknown = call(token, "content", "record", "format", "csv", "data",
                "record_id,redcap_event_name,physical,evil_field\n" + p + ",week_8_arm_1,3,1\n");
        assertThat(unknown.body()).isEqualTo("ERROR: The following fields were not found in the project as real "
                + "data fields: evil_field");
        HttpResponse<String> injected = call(token, "content", "record", "format", "json", "returnFormat", "xml",
                "data", "[{\"record_id\":\"" + p + "\",\"redcap_event_name\":\"week_8_arm_1\",\"physical\":"
                        + "\"<script>alert(1)</script>\"},{\"record_id\":\"=cmd|' /C calc'!A0\","
                        + "\"redcap_event_name\":\"week_8_arm_1\",\"physical\":\"3\"}]");
        assertThat(injected.statusCode()).isEqualTo(400);
        assertThat(injected.body()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(json(call(token, "content", "record", "format", "json", "records[0]", "{\"$ne\":null}")))
                .isEmpty();

        String huge = "[" + "{\"record_id\":\"x\"},".repeat(120_000) + "{}]";
        HttpResponse<String> tooBig = call(token, "content", "record", "format", "json", "data", huge);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        String many = "[" + ("{\"record_id\":\"" + p + "\",\"redcap_event_name\":\"week_8_arm_1\"},").repeat(
                10_001) + "{}]";
        assertThat(call(token, "content", "record", "format", "json", "data", many).statusCode()).isEqualTo(400);
        assertThat(assessments.find(lakeside(p).id(), "week_8", "qol_demo")).isEmpty();
    }

    private static List<List<String>> csv(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return org.researchportal.base.Csv.rows(response.body()).stream().map(r -> r.cells()).toList();
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
