package org.researchportal.reporting;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AdverseEventRecord;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.base.Csv;
import org.researchportal.exercise.ProgrammeAdherence;
import org.researchportal.followup.CallAnswers;
import org.researchportal.followup.CallAttempt;
import org.researchportal.followup.FollowUpCall;

/**
 * The unblinded export's long tables, beside the one row per participant and timepoint: adverse events (a row per
 * event), programme adherence (a row per participant with a programme) and follow-up calls (a row per call with the
 * answer to each question of the script). Each has its own dictionary in the data dictionary's columns; rows join on
 * study_number. A blinded export has none of them: events' relatedness, a programme and a call script each tell the arm.
 */
enum CsvTables {

    ADVERSE_EVENTS("adverse_events", List.of(
            column("study_number", "Participant's study number (pseudonymous)", "text"),
            column("event", "Event number within the participant, by onset", "integer"),
            column("onset", "Date of onset", "date"),
            column("description", "Description, as the clinician reported it", "text"),
            column("body_site", "Body site", "text"),
            column("grade", "CTCAE grade, 1 (mild) to 5 (death)", "integer"),
            column("serious", "Serious (ticked, or grade 4 or 5)", "boolean"),
            column("relatedness", "Relatedness to the exercise programme: " + codes(AdverseEventReport.Relatedness
                    .values()), "text"),
            column("action", "Action taken: " + codes(AdverseEventReport.Action.values()), "text"),
            column("outcome", "Outcome: " + codes(AdverseEventReport.Outcome.values()), "text"),
            column("resolved_on", "Date resolved (empty while not resolved)", "date"),
            column("reported_at", "When the event was first reported (UTC)", "datetime"))) {
        @Override
        void rows(ExportSubject subject, ExportData data, List<List<String>> out) {
            int number = 0;
            for (AdverseEventRecord event : data.adverseEvents(subject.id())) {
                AdverseEventReport r = event.report();
                out.add(List.of(subject.studyNumber(), String.valueOf(++number), text(r.onset()), r.description(),
                        text(r.bodySite()), text(r.grade()), String.valueOf(event.serious()), code(r.relatedness()),
                        code(r.action()), code(r.outcome()), text(r.resolvedOn()), event.reportedAt().toString()));
            }
        }
    },

    ADHERENCE("adherence", List.of(
            column("study_number", "Participant's study number (pseudonymous)", "text"),
            column("template", "Programme template prescribed", "text"),
            column("manual_edition", "Edition of the exercise manual prescribed from", "integer"),
            column("programme_start", "First day of the programme", "date"),
            column("counted_until", "Last day counted: the export's day in the participant's time zone, or the day "
                    + "they withdrew or were lost to follow-up if earlier", "date"),
            column("planned_days", "Programme days planned from the start up to counted_until", "integer"),
            column("session_days", "Days with at least one session logged", "integer"),
            column("sessions", "Sessions logged", "integer"),
            column("adherence_percent", "session_days as a percentage of planned_days (may pass 100 when the "
                    + "participant exercised on other days; empty when nothing was planned yet)", "decimal"))) {
        @Override
        void rows(ExportSubject subject, ExportData data, List<List<String>> out) {
            ProgrammeAdherence a = data.adherence(subject.id());
            if (a != null) {
                out.add(List.of(subject.studyNumber(), a.template(), String.valueOf(a.manualEdition()),
                        a.startDate().toString(), a.until().toString(), String.valueOf(a.plannedDays()),
                        String.valueOf(a.sessionDays()), String.valueOf(a.sessions()), percent(a)));
            }
        }
    },

    CALLS("calls", List.of(
            column("study_number", "Participant's study number (pseudonymous)", "text"),
            column("call", "Call number", "integer"),
            column("due_on", "Date the call is due", "date"),
            column("window_from", "First day of the call's window", "date"),
            column("window_to", "Last day of the call's window", "date"),
            column("status", "Status: open, completed, declined, missed or cancelled", "text"),
            column("attempts", "Attempts made", "integer"),
            column("last_outcome", "Outcome of the last attempt: completed, no_answer, voicemail, wrong_number, "
                    + "declined or call_back", "text"),
            column("closed_at", "When the call was closed (UTC)", "datetime"),
            column("closed_reason", "Why it was cancelled or missed", "text"),
            column("taking_ai", "Aromatase inhibitor: still taking it (empty: not asked by the script)", "boolean"),
            column("missed_doses", "Aromatase inhibitor: doses missed in the last month", "integer"),
            column("side_effects", "Side effects: those reported, separated by ';'", "text"),
            column("concerns", "Side effects: the participant's concerns", "text"),
            column("joint_pain", "Joint pain in the last week, 0 to 10", "integer"),
            column("exercise_sessions", "Exercise: sessions done in the last month", "integer"),
            column("new_health_problem", "New health problems since the last call", "boolean"),
            column("new_health_problem_detail", "New health problems: what they are", "text"),
            column("topics", "Counselling: topics covered, separated by ';'", "text"),
            column("concern_flagged", "A concern flagged for the clinicians", "boolean"),
            column("concern_detail", "The concern flagged", "text"),
            column("outside_exercise", "Exercise outside the study in the last month (empty: not asked by the "
                    + "script)", "boolean"),
            column("outside_exercise_kinds", "Exercise outside the study: kinds, separated by ';' (walking, "
                    + "running_or_cycling, swimming, strength_or_gym, mind_body, dance, physiotherapy, other)", "text"),
            column("outside_exercise_minutes", "Exercise outside the study: about how many minutes a week",
                    "integer"))) {
        @Override
        void rows(ExportSubject subject, ExportData data, List<List<String>> out) {
            for (FollowUpCall call : data.calls(subject.id())) {
                List<String> row = new ArrayList<>(List.of(subject.studyNumber(), String.valueOf(call.getNumber()),
                        call.getDueOn().toString(), call.getWindowFrom().toString(), call.getWindowTo().toString(),
                        code(call.getStatus()), String.valueOf(call.getAttempts().size())));
                List<CallAttempt> attempts = call.getAttempts();
                row.add(attempts.isEmpty() ? "" : code(attempts.getLast().outcome()));
                row.add(text(call.getClosedAt()));
                row.add(text(call.getClosedReason()));
                CallAnswers a = call.getAnswers();
                row.addAll(a == null ? Collections.nCopies(14, "") : List.of(
                        text(a.takingAromataseInhibitor()), text(a.missedDoses()),
                        a.sideEffects().stream().map(CsvTables::code).sorted().collect(Collectors.joining(";")),
                        text(a.concerns()), text(a.jointPain()), text(a.exerciseSessions()),
                        text(a.newHealthProblem()), text(a.newHealthProblemDetail()),
                        a.topics().stream().map(CsvTables::code).sorted().collect(Collectors.joining(";")),
                        String.valueOf(a.concernFlagged()), text(a.concernDetail()), text(a.outsideExercise()),
                        a.outsideExerciseKinds().stream().map(CsvTables::code).sorted()
                                .collect(Collectors.joining(";")),
                        text(a.outsideExerciseMinutes())));
                out.add(row);
            }
        }
    };

    record Column(String name, String label, String type) {}

    /** The file's name without ".csv"; its dictionary is {@code <name>_dictionary.csv}. */
    final String file;
    final List<Column> columns;

    CsvTables(String file, List<Column> columns) {
        this.file = file;
        this.columns = columns;
    }

    /** The rows of one participant of the current page, appended to {@code out}. */
    abstract void rows(ExportSubject subject, ExportData data, List<List<String>> out);

    /** The table, a page of participants at a time as the export reads them. */
    void write(ExportData data, Writer out) throws IOException {
        Csv.line(out, columns.stream().map(Column::name).toList());
        List<List<String>> rows = new ArrayList<>();
        for (ExportSubject subject : data.subjects) {
            rows(subject, data, rows);
            for (List<String> row : rows) {
                Csv.line(out, row);
            }
            rows.clear();
        }
        out.flush();
    }

    /** The table's dictionary, in the columns of the main data dictionary. */
    void dictionary(Writer out) throws IOException {
        Csv.line(out, List.of("column", "label", "type", "unit", "minimum", "maximum", "instrument"));
        for (Column column : columns) {
            Csv.line(out, List.of(column.name(), column.label(), column.type(), "", "", "", ""));
        }
        out.flush();
    }

    private static Column column(String name, String label, String type) {
        return new Column(name, label, type);
    }

    private static String percent(ProgrammeAdherence a) {
        return a.plannedDays() == 0 ? ""
                : String.format(Locale.ROOT, "%.1f", 100.0 * a.sessionDays() / a.plannedDays());
    }

    private static String codes(Enum<?>[] values) {
        return Arrays.stream(values).map(CsvTables::code).collect(Collectors.joining(", "));
    }

    static String code(@Nullable Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
    }

    static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
