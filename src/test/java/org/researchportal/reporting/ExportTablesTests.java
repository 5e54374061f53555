package org.researchportal.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.exercise.ProgressFigures;
import org.researchportal.followup.CallWorklist;
import org.researchportal.participants.ParticipantRow;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

/**
 * Adverse events, programme adherence and the follow-up calls' answers in the exports: a table each in the zip (with
 * its dictionary) and study events in ODM for a reader who may see the arm; none of them for a blinded one, since
 * each would tell the arm.
 */
class ExportTablesTests extends PortalTest {

    @Autowired
    StudyExports exports;
    @Autowired
    StudyService studies;
    @Autowired
    ParticipantService participants;
    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    ProgressFigures progressFigures;
    @Autowired
    CallWorklist calls;

    private String study() {
        return studies.studies().getFirst().id();
    }

    private Map<String, String> zip(String user) throws IOException {
        signIn(user);
        var out = new ByteArrayOutputStream();
        exports.zip(study(), out);
        Map<String, String> entries = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    /** A participant of the exercise arm with a fall reported on them; answers their study number. */
    private String reportAFall() {
        signIn("fudan.clinician");
        ParticipantRow p = participants.participants(study(), PageRequest.of(0, 100)).stream()
                .filter(r -> "Exercise".equals(r.armName())).findFirst().orElseThrow();
        LocalDate onset = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        adverseEvents.report(p.id(), new AdverseEventReport(onset, "Fell on the stairs, bruised knee", "Left knee", 1,
                false, AdverseEventReport.Relatedness.UNLIKELY, AdverseEventReport.Action.NONE,
                AdverseEventReport.Outcome.RECOVERED, onset.plusDays(1)));
        return p.studyNumber();
    }

    private static List<String> header(String csv) {
        return Arrays.asList(csv.lines().findFirst().orElseThrow().split(","));
    }

    private static List<String> described(String dictionary) {
        return dictionary.lines().skip(1).map(l -> l.split(",", 2)[0]).toList();
    }

    @Test
    void theClinicianZipHoldsAdverseEventsAdherenceAndCallsEachWithItsDictionary() throws IOException {
        String studyNumber = reportAFall();
        Map<String, String> zip = zip("fudan.clinician");
        assertThat(zip.keySet()).containsExactly("data.csv", "dictionary.csv", "adverse_events.csv",
                "adverse_events_dictionary.csv", "adherence.csv", "adherence_dictionary.csv", "calls.csv",
                "calls_dictionary.csv");
        for (String table : List.of("data", "adverse_events", "adherence", "calls")) {
            String dictionary = zip.get(table.equals("data") ? "dictionary.csv" : table + "_dictionary.csv");
            assertThat(described(dictionary)).as(table).containsExactlyElementsOf(header(zip.get(table + ".csv")));
        }

        String events = zip.get("adverse_events.csv");
        assertThat(header(events)).containsExactly("study_number", "event", "onset", "description", "body_site",
                "grade", "serious", "relatedness", "action", "outcome", "resolved_on", "reported_at");
        assertThat(events.lines().skip(1)).anySatisfy(line -> assertThat(line).startsWith(studyNumber + ",")
                .contains("Fell on the stairs, bruised knee", "Left knee", ",1,false,unlikely,none,recovered,"));

        // Adherence: one row per participant with a programme, all of them of the exercise arm.
        Set<String> exerciseArm = zip.get("data.csv").lines().skip(1).map(l -> l.split(","))
                .filter(cells -> cells[3].equals("Exercise")).map(cells -> cells[0]).collect(Collectors.toSet());
        List<String[]> adherence = zip.get("adherence.csv").lines().skip(1).map(l -> l.split(",")).toList();
        assertThat(adherence).isNotEmpty().allSatisfy(cells -> {
            assertThat(exerciseArm).contains(cells[0]);
            assertThat(Integer.parseInt(cells[5])).as("planned days").isPositive();
            assertThat(Integer.parseInt(cells[6])).as("session days").isNotNegative();
        });
        assertThat(adherence).as("the demo's exercise participants log sessions")
                .anySatisfy(cells -> assertThat(Integer.parseInt(cells[7])).isPositive());

        // Calls: one row per call, with the answers of a completed one in the columns of its script's questions.
        String callTable = zip.get("calls.csv");
        assertThat(header(callTable)).startsWith("study_number", "call", "due_on", "window_from", "window_to",
                "status", "attempts", "last_outcome").contains("taking_ai", "joint_pain", "exercise_sessions",
                        "topics", "concern_flagged");
        assertThat(callTable.lines().skip(1)).anySatisfy(line -> assertThat(line).contains(",completed,")
                .matches(".*,completed,\\d+,completed,.*"));

        // Pseudonymous: no names, no phone numbers in any table.
        zip.values().forEach(content -> assertThat(content).doesNotContain("Zhang Demo", "+86"));
    }

    @Test
    void theClinicianOdmCarriesTheTablesAsStudyEventsAndStaysSchemaValid() throws Exception {
        reportAFall();
        signIn("fudan.clinician");
        var out = new ByteArrayOutputStream();
        exports.odm(study(), out);
        String odm = out.toString(StandardCharsets.UTF_8);
        assertThat(odm).contains("StudyEventOID=\"SE.AE\"", "ItemGroupOID=\"IG.AE\" ItemGroupRepeatKey=\"1\"",
                "ItemOID=\"I.AE.DESCRIPTION\" Value=\"Fell on the stairs, bruised knee\"",
                "StudyEventOID=\"SE.ADHERENCE\"", "ItemOID=\"I.ADHERENCE.PLANNED_DAYS\"",
                "StudyEventOID=\"SE.CALL\" StudyEventRepeatKey=\"1\"", "ItemOID=\"I.CALL.STATUS\"");
        OdmSchema.validator().validate(new StreamSource(new ByteArrayInputStream(odm.getBytes(
                StandardCharsets.UTF_8))));
    }

    @Test
    void anAssessorGetsNoneOfTheTablesThatWouldTellTheArm() throws IOException {
        reportAFall();
        Map<String, String> zip = zip("fudan.assessor");
        assertThat(zip.keySet()).containsExactly("data.csv", "dictionary.csv");
        assertThat(String.join("\n", zip.values())).doesNotContain("Exercise", "Control", "arm", "Fell on the stairs",
                "planned_days", "exercise_sessions");
        var out = new ByteArrayOutputStream();
        exports.odm(study(), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("SE.AE", "SE.CALL", "SE.ADHERENCE",
                "I.ADHERENCE.",
                "Fell on the stairs");
        // And not by asking the services either.
        String study = study();
        assertThatThrownBy(() -> adverseEvents.eventsOf(study, List.of("x"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> progressFigures.adherence(study, List.of("x"))).isInstanceOf(
                AccessDeniedException.class);
        assertThatThrownBy(() -> calls.callsOf(study, List.of("x"))).isInstanceOf(AccessDeniedException.class);
    }
}
