package org.researchportal.reporting;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.base.Csv;
import org.researchportal.base.security.SignInWay;
import org.researchportal.study.Timepoint;

/**
 * The CSV export: one row per participant and timepoint, a column per instrument item and score, and its data
 * dictionary. RFC 4180 quoting; text that a spreadsheet would run as a formula is defused with a leading quote.
 */
final class CsvExport {

    private CsvExport() {
    }

    static void rows(ExportData data, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("study_number", "status", "enrolled_on"));
        if (data.armsShown) {
            header.add("arm");
        }
        header.add("timepoint");
        header.add("visit_status");
        header.add("visit_reason");
        for (Instrument instrument : data.instruments) {
            header.add(instrument.code() + ".assessed_on");
            header.add(instrument.code() + ".version");
            header.add(instrument.code() + ".respondent");
            header.add(instrument.code() + ".answered_at");
            header.add(instrument.code() + ".identified_by");
            instrument.questions().forEach(i -> header.add(instrument.code() + "." + i.code()));
            instrument.scores().forEach(s -> header.add(instrument.code() + "." + s.code()));
        }
        line(out, header);
        for (ExportSubject subject : data.subjects) {
            for (Timepoint timepoint : data.schedule) {
                List<String> row = new ArrayList<>(List.of(subject.studyNumber(), subject.status(),
                        text(subject.enrolledOn())));
                if (data.armsShown) {
                    row.add(text(subject.arm()));
                }
                row.add(timepoint.code());
                MissedVisitRecord missed = data.missed(subject.id(), timepoint.code());
                row.add(missed == null ? "" : missed.kind().code());
                row.add(missed == null ? "" : missed.reason());
                for (Instrument instrument : data.instruments) {
                    AssessmentRecord record = data.find(subject.id(), timepoint.code(), instrument.code());
                    row.add(record == null ? "" : record.assessedOn().toString());
                    row.add(record == null ? "" : String.valueOf(record.instrumentVersion()));
                    row.add(record == null ? "" : code(record.respondent()));
                    row.add(record == null ? "" : record.answeredAt().toString());
                    row.add(record == null ? "" : code(record.identifiedBy()));
                    instrument.questions().forEach(i -> row.add(record == null ? ""
                            : text(record.answers().get(i.code()))));
                    instrument.scores().forEach(s -> row.add(record == null ? ""
                            : text(record.scores().get(s.code()))));
                }
                line(out, row);
            }
        }
        out.flush();
    }

    static void dictionary(ExportData data, Writer out) throws IOException {
        line(out, List.of("column", "label", "type", "unit", "minimum", "maximum", "instrument"));
        line(out, List.of("study_number", "Participant's study number (pseudonymous)", "text", "", "", "", ""));
        line(out, List.of("status", "Participation status", "text", "", "", "", ""));
        line(out, List.of("enrolled_on", "Date of enrolment and randomisation", "date", "", "", "", ""));
        if (data.armsShown) {
            line(out, List.of("arm", "Allocated arm", "text", "", "", "", ""));
        }
        line(out, List.of("timepoint", "Assessment timepoint", "text", "", "", "", ""));
        line(out, List.of("visit_status", "Visit recorded as not assessed: missed or not_done (empty: assessed, "
                + "or not yet due or decided)", "text", "", "", "", ""));
        line(out, List.of("visit_reason", "Why the visit was missed or not done", "text", "", "", "", ""));
        for (Instrument instrument : data.instruments) {
            line(out, List.of(instrument.code() + ".assessed_on", instrument.name().en() + ": date assessed", "date",
                    "", "", "", instrument.code()));
            line(out, List.of(instrument.code() + ".version", instrument.name().en()
                    + ": version of the instrument the entry was made with", "integer", "", "", "", instrument.code()));
            line(out, List.of(instrument.code() + ".respondent", instrument.name().en() + ": who gave the answers: "
                    + "participant (herself, on the portal) or staff (at a visit, or from a paper form)", "text", "",
                    "", "", instrument.code()));
            line(out, List.of(instrument.code() + ".answered_at", instrument.name().en() + ": when the answers "
                    + "were given (UTC): submitted by the participant, or first entered by staff; a later correction does"
                    + " not move it", "datetime", "", "",
                    "", instrument.code()));
            line(out, List.of(instrument.code() + ".identified_by", instrument.name().en() + ": how the "
                    + "participant was identified when she answered herself: " + codes(SignInWay.values())
                    + " (empty: entered by staff)", "text", "", "", "", instrument.code()));
            for (Item item : instrument.questions()) {
                line(out, List.of(instrument.code() + "." + item.code(), item.label().en() + choices(item),
                        item.type().name().toLowerCase(Locale.ROOT), text(item.unit()), text(item.min()),
                        text(item.max()), instrument.code()));
            }
            for (Item score : instrument.scores()) {
                line(out, List.of(instrument.code() + "." + score.code(), score.label().en() + " (score: "
                        + score.calculation() + ")", "decimal", "", "", "", instrument.code()));
            }
        }
        out.flush();
    }

    /** A coded item's codes and their meaning, e.g. " (1 = yes, 0 = no)". */
    private static String choices(Item item) {
        if (item.type() == ItemType.YES_NO) {
            return " (1 = yes, 0 = no)";
        }
        if (item.choices().isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", item.choices().stream().map(c -> c.code() + " = " + c.label().en())
                .toList()) + (item.type() == ItemType.MULTIPLE_CHOICE ? "; several codes comma separated" : "")
                + ")";
    }

    /** A coded value as the export writes it: the enum's name in lower case ({@code link_and_sms_code}). */
    private static String code(@Nullable Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
    }

    private static String codes(Enum<?>[] values) {
        return String.join(", ", java.util.Arrays.stream(values).map(CsvExport::code).toList());
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        Csv.line(out, cells);
    }
}
