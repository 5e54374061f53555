package org.researchportal.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.study.Timepoint;

/**
 * The ODM export's ClinicalData: per subject, the enrolment, each timepoint's recorded instruments and missed visits,
 * and, unblinded, the rows of the CSV tables as study events.
 */
final class OdmClinicalData extends OdmWriting {

    OdmClinicalData(XMLStreamWriter xml, ExportData data) {
        super(xml, data);
    }

    void clinicalData(String studyOid) throws XMLStreamException {
        xml.writeStartElement(NS, "ClinicalData");
        attributes(Map.of("StudyOID", studyOid, "MetaDataVersionOID", "MDV.1"));
        for (ExportSubject subject : data.subjects) {
            xml.writeStartElement(NS, "SubjectData");
            xml.writeAttribute("SubjectKey", subject.studyNumber());
            enrolment(subject);
            for (Timepoint t : data.schedule) {
                List<Map.Entry<String, Map<String, String>>> forms = new ArrayList<>();
                for (Instrument instrument : data.instruments) {
                    AssessmentRecord record = data.find(subject.id(), t.code(), instrument.code());
                    if (record != null) {
                        Map<String, String> values = new LinkedHashMap<>();
                        values.put(itemOid(instrument, "assessed_on"), record.assessedOn().toString());
                        values.put(itemOid(instrument, "version"), String.valueOf(record.instrumentVersion()));
                        values.putAll(ArchiveValues.respondent(record.instrument(), record.respondent().name(),
                                record.identifiedBy() == null ? null : record.identifiedBy().name()));
                        values.put(itemOid(instrument, "answered_at"), record.answeredAt().toString());
                        record.answers().forEach((k, v) -> values.put(itemOid(instrument, k), v));
                        record.scores().forEach((k, v) -> values.put(itemOid(instrument, k), number(v)));
                        forms.add(Map.entry(oid(instrument.code()), values));
                    }
                }
                MissedVisitRecord missed = data.missed(subject.id(), t.code());
                if (missed != null) {
                    Map<String, String> visit = new LinkedHashMap<>();
                    visit.put("I.VISIT.STATUS", missed.kind().code());
                    visit.put("I.VISIT.REASON", missed.reason());
                    forms.add(Map.entry(VISIT, visit));
                }
                if (!forms.isEmpty()) {
                    event(oid(t.code()), forms);
                }
            }
            if (!data.blinded) {
                tables(subject);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The subject's enrolment event: status, date and, unblinded, the arm. */
    void enrolment(ExportSubject subject) throws XMLStreamException {
        Map<String, String> enrolment = new LinkedHashMap<>();
        enrolment.put("I.ENROLMENT.STATUS", subject.status());
        LocalDate enrolled = subject.enrolledOn();
        if (enrolled != null) {
            enrolment.put("I.ENROLMENT.ENROLLED_ON", enrolled.toString());
        }
        if (data.armsShown && subject.arm() != null) {
            enrolment.put("I.ENROLMENT.ARM", subject.arm());
        }
        event(ENROLMENT, List.of(Map.entry(ENROLMENT, enrolment)));
    }

    /** The unblinded tables' rows of one subject, as study events: the same values as the CSV tables. */
    void tables(ExportSubject subject) throws XMLStreamException {
        for (CsvTables table : CsvTables.values()) {
            List<List<String>> rows = new ArrayList<>();
            table.rows(subject, data, rows);
            if (rows.isEmpty()) {
                continue;
            }
            if (table == CsvTables.CALLS) {
                for (List<String> row : rows) {
                    // The call's number keys the repeated event.
                    repeated(CALL, row.get(1), List.of(values(table, row)), false);
                }
            } else {
                repeated(form(table), null, rows.stream().map(row -> values(table, row)).toList(),
                        table == CsvTables.ADVERSE_EVENTS);
            }
        }
    }

    private static Map<String, String> values(CsvTables table, List<String> row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < row.size(); i++) {
            if (!row.get(i).isEmpty()) {
                values.put(tableItem(table, table.columns.get(i).name()), row.get(i));
            }
        }
        return values;
    }

    /** One study event of a table's form: one item group, or one per row keyed 1, 2, ... when the group repeats. */
    private void repeated(String event, @Nullable String eventKey, List<Map<String, String>> groups,
            boolean repeatingGroup) throws XMLStreamException {
        String form = event.equals(CALL) ? CALL : event;
        xml.writeStartElement(NS, "StudyEventData");
        xml.writeAttribute("StudyEventOID", "SE." + event);
        if (eventKey != null) {
            xml.writeAttribute("StudyEventRepeatKey", eventKey);
        }
        xml.writeStartElement(NS, "FormData");
        xml.writeAttribute("FormOID", "F." + form);
        for (int i = 0; i < groups.size(); i++) {
            xml.writeStartElement(NS, "ItemGroupData");
            xml.writeAttribute("ItemGroupOID", "IG." + form);
            if (repeatingGroup) {
                xml.writeAttribute("ItemGroupRepeatKey", String.valueOf(i + 1));
            }
            for (Map.Entry<String, String> item : groups.get(i).entrySet()) {
                empty("ItemData", Map.of("ItemOID", item.getKey(), "Value", item.getValue()));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    void event(String event, List<Map.Entry<String, Map<String, String>>> forms) throws XMLStreamException {
        xml.writeStartElement(NS, "StudyEventData");
        xml.writeAttribute("StudyEventOID", "SE." + event);
        for (Map.Entry<String, Map<String, String>> form : forms) {
            xml.writeStartElement(NS, "FormData");
            xml.writeAttribute("FormOID", "F." + form.getKey());
            xml.writeStartElement(NS, "ItemGroupData");
            xml.writeAttribute("ItemGroupOID", "IG." + form.getKey());
            for (Map.Entry<String, String> item : form.getValue().entrySet()) {
                empty("ItemData", Map.of("ItemOID", item.getKey(), "Value", item.getValue()));
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}
