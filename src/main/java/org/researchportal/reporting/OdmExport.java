package org.researchportal.reporting;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.assessments.Score;
import org.researchportal.study.Timepoint;

/**
 * The CDISC ODM 1.3.2 export, streamed: the study's metadata (a study event per timepoint, a form and item group per
 * instrument, an item per question and score) and its clinical data. Unblinded, it also has a common event of adverse
 * events (a repeating item group, one per event), one of programme adherence, and a repeating event per follow-up
 * call keyed by its number. Elements follow the schema's order.
 */
final class OdmExport {

    static final String NS = "http://www.cdisc.org/ns/odm/v1.3";
    private static final String ENROLMENT = "ENROLMENT";
    /** A form on every timepoint saying it was missed or not done, and why: absent when it was not. */
    private static final String VISIT = "VISIT";
    /** The unblinded export's extra events, each with one form of the same name (see CsvTables). */
    private static final String ADVERSE_EVENTS = "AE";
    private static final String ADHERENCE = "ADHERENCE";
    private static final String CALL = "CALL";

    private final XMLStreamWriter xml;
    private final ExportData data;

    private OdmExport(XMLStreamWriter xml, ExportData data) {
        this.xml = xml;
        this.data = data;
    }

    static void write(ExportData data, Instant now, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
        new OdmExport(xml, data).document(now);
        xml.flush();
    }

    private void document(Instant now) throws XMLStreamException {
        String studyOid = "ST." + oid(data.study.acronym());
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(NS);
        xml.writeStartElement(NS, "ODM");
        xml.writeDefaultNamespace(NS);
        xml.writeAttribute("FileOID", "RP." + oid(data.study.acronym()) + "." + now.toEpochMilli());
        xml.writeAttribute("FileType", "Snapshot");
        xml.writeAttribute("CreationDateTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
        xml.writeAttribute("ODMVersion", "1.3.2");
        xml.writeAttribute("Originator", "Research Portal");
        xml.writeStartElement(NS, "Study");
        xml.writeAttribute("OID", studyOid);
        globalVariables();
        metaData();
        xml.writeEndElement();
        clinicalData(studyOid);
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void globalVariables() throws XMLStreamException {
        xml.writeStartElement(NS, "GlobalVariables");
        element("StudyName", data.study.acronym());
        element("StudyDescription", data.study.title());
        element("ProtocolName", data.study.registryId() == null ? data.study.acronym() : data.study.registryId());
        xml.writeEndElement();
    }

    private void metaData() throws XMLStreamException {
        xml.writeStartElement(NS, "MetaDataVersion");
        xml.writeAttribute("OID", "MDV.1");
        xml.writeAttribute("Name", data.study.acronym() + (data.blinded ? " (blinded)" : ""));
        xml.writeStartElement(NS, "Protocol");
        List<String> events = new ArrayList<>(List.of(ENROLMENT));
        data.schedule.forEach(t -> events.add(oid(t.code())));
        if (!data.blinded) {
            events.addAll(List.of(ADVERSE_EVENTS, ADHERENCE, CALL));
        }
        for (int i = 0; i < events.size(); i++) {
            empty("StudyEventRef", Map.of("StudyEventOID", "SE." + events.get(i), "OrderNumber",
                    String.valueOf(i + 1), "Mandatory", "No"));
        }
        xml.writeEndElement();
        studyEvent(ENROLMENT, "Enrolment", List.of(ENROLMENT));
        for (Timepoint t : data.schedule) {
            List<String> forms = new ArrayList<>(t.instruments().stream().map(OdmExport::oid).toList());
            forms.add(VISIT);
            studyEvent(oid(t.code()), t.label(), forms);
        }
        if (!data.blinded) {
            studyEvent(ADVERSE_EVENTS, "Adverse events", List.of(ADVERSE_EVENTS), false, "Common");
            studyEvent(ADHERENCE, "Exercise programme adherence", List.of(ADHERENCE), false, "Common");
            studyEvent(CALL, "Follow-up call", List.of(CALL), true, "Scheduled");
        }
        // The schema wants every FormDef before any ItemGroupDef.
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        names.put(ENROLMENT, "Enrolment");
        groups.put(ENROLMENT, enrolmentItems());
        names.put(VISIT, "Visit not assessed");
        groups.put(VISIT, List.of("I.VISIT.STATUS", "I.VISIT.REASON"));
        if (!data.blinded) {
            for (CsvTables table : CsvTables.values()) {
                names.put(form(table), tableName(table));
                groups.put(form(table), table.columns.stream().skip(1).map(c -> tableItem(table, c.name())).toList());
            }
        }
        for (Instrument instrument : data.instruments) {
            List<String> items = new ArrayList<>();
            items.add(itemOid(instrument, "assessed_on"));
            instrument.items().forEach(i -> items.add(itemOid(instrument, i.code())));
            instrument.scores().forEach(s -> items.add(itemOid(instrument, s.code())));
            names.put(oid(instrument.code()), instrument.name());
            groups.put(oid(instrument.code()), items);
        }
        for (Map.Entry<String, String> form : names.entrySet()) {
            formDef(form.getKey(), form.getValue());
        }
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            // Adverse events repeat within their form, one item group per event.
            itemGroupDef(group.getKey(), names.get(group.getKey()), group.getValue(),
                    group.getKey().equals(ADVERSE_EVENTS));
        }
        itemDefs();
        xml.writeEndElement();
    }

    private void studyEvent(String oid, String name, List<String> forms) throws XMLStreamException {
        studyEvent(oid, name, forms, false, "Scheduled");
    }

    private void studyEvent(String oid, String name, List<String> forms, boolean repeating, String type)
            throws XMLStreamException {
        xml.writeStartElement(NS, "StudyEventDef");
        attributes(Map.of("OID", "SE." + oid, "Name", name, "Repeating", repeating ? "Yes" : "No", "Type", type));
        for (String form : forms) {
            empty("FormRef", Map.of("FormOID", "F." + form, "Mandatory", "No"));
        }
        xml.writeEndElement();
    }

    private void formDef(String oid, String name) throws XMLStreamException {
        xml.writeStartElement(NS, "FormDef");
        attributes(Map.of("OID", "F." + oid, "Name", name, "Repeating", "No"));
        empty("ItemGroupRef", Map.of("ItemGroupOID", "IG." + oid, "Mandatory", "Yes"));
        xml.writeEndElement();
    }

    private void itemGroupDef(String oid, String name, List<String> items, boolean repeating)
            throws XMLStreamException {
        xml.writeStartElement(NS, "ItemGroupDef");
        attributes(Map.of("OID", "IG." + oid, "Name", name, "Repeating", repeating ? "Yes" : "No"));
        for (String item : items) {
            empty("ItemRef", Map.of("ItemOID", item, "Mandatory", "No"));
        }
        xml.writeEndElement();
    }

    private List<String> enrolmentItems() {
        List<String> items = new ArrayList<>(List.of("I.ENROLMENT.STATUS", "I.ENROLMENT.ENROLLED_ON"));
        if (!data.blinded) {
            items.add("I.ENROLMENT.ARM");
        }
        return items;
    }

    private void itemDefs() throws XMLStreamException {
        itemDef("I.ENROLMENT.STATUS", "Participation status", "参与状态", "text", null, null);
        itemDef("I.ENROLMENT.ENROLLED_ON", "Date of enrolment", "入组日期", "date", null, null);
        if (!data.blinded) {
            itemDef("I.ENROLMENT.ARM", "Allocated arm", "分组", "text", null, null);
        }
        itemDef("I.VISIT.STATUS", "Visit not assessed: missed or not_done", "未评估的访视：missed（错过）或 not_done（未完成）",
                "text", null, null);
        itemDef("I.VISIT.REASON", "Why the visit was not assessed", "未评估的原因", "text", null, null);
        if (!data.blinded) {
            for (CsvTables table : CsvTables.values()) {
                for (CsvTables.Column column : table.columns.subList(1, table.columns.size())) {
                    itemDef(tableItem(table, column.name()), column.label(), null, odmType(column.type()), null,
                            null);
                }
            }
        }
        for (Instrument instrument : data.instruments) {
            itemDef(itemOid(instrument, "assessed_on"), "Date assessed", "评估日期", "date", null, null);
            for (Item item : instrument.items()) {
                itemDef(itemOid(instrument, item.code()), item.label(), item.labelZh(), dataType(item), item.min(),
                        item.max());
            }
            for (Score score : instrument.scores()) {
                itemDef(itemOid(instrument, score.code()), score.label(), score.labelZh(), "float", null, null);
            }
        }
    }

    private void itemDef(String oid, String question, @Nullable String questionZh, String type, @Nullable Double min,
            @Nullable Double max) throws XMLStreamException {
        xml.writeStartElement(NS, "ItemDef");
        attributes(Map.of("OID", oid, "Name", question.length() > 60 ? question.substring(0, 60) : question,
                "DataType", type));
        xml.writeStartElement(NS, "Question");
        translated("en", question);
        if (questionZh != null) {
            translated("zh", questionZh);
        }
        xml.writeEndElement();
        if (min != null) {
            rangeCheck("GE", number(min));
        }
        if (max != null) {
            rangeCheck("LE", number(max));
        }
        xml.writeEndElement();
    }

    private void clinicalData(String studyOid) throws XMLStreamException {
        xml.writeStartElement(NS, "ClinicalData");
        attributes(Map.of("StudyOID", studyOid, "MetaDataVersionOID", "MDV.1"));
        for (ExportSubject subject : data.subjects) {
            xml.writeStartElement(NS, "SubjectData");
            xml.writeAttribute("SubjectKey", subject.studyNumber());
            Map<String, String> enrolment = new LinkedHashMap<>();
            enrolment.put("I.ENROLMENT.STATUS", subject.status());
            LocalDate enrolled = subject.enrolledOn();
            if (enrolled != null) {
                enrolment.put("I.ENROLMENT.ENROLLED_ON", enrolled.toString());
            }
            if (!data.blinded && subject.arm() != null) {
                enrolment.put("I.ENROLMENT.ARM", subject.arm());
            }
            event(ENROLMENT, List.of(Map.entry(ENROLMENT, enrolment)));
            for (Timepoint t : data.schedule) {
                List<Map.Entry<String, Map<String, String>>> forms = new ArrayList<>();
                for (Instrument instrument : data.instruments) {
                    AssessmentRecord record = data.find(subject.id(), t.code(), instrument.code());
                    if (record != null) {
                        Map<String, String> values = new LinkedHashMap<>();
                        values.put(itemOid(instrument, "assessed_on"), record.assessedOn().toString());
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

    /** The unblinded tables' rows of one subject, as study events: the same values as the CSV tables. */
    private void tables(ExportSubject subject) throws XMLStreamException {
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

    private static String form(CsvTables table) {
        return switch (table) {
            case ADVERSE_EVENTS -> ADVERSE_EVENTS;
            case ADHERENCE -> ADHERENCE;
            case CALLS -> CALL;
        };
    }

    private static String tableName(CsvTables table) {
        return switch (table) {
            case ADVERSE_EVENTS -> "Adverse event";
            case ADHERENCE -> "Exercise programme adherence";
            case CALLS -> "Follow-up call";
        };
    }

    private static String tableItem(CsvTables table, String column) {
        return "I." + form(table) + "." + oid(column);
    }

    private static String odmType(String csvType) {
        return switch (csvType) {
            case "decimal" -> "float";
            case "integer", "date", "datetime", "boolean" -> csvType;
            default -> "text";
        };
    }

    private void event(String event, List<Map.Entry<String, Map<String, String>>> forms) throws XMLStreamException {
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

    private void rangeCheck(String comparator, String value) throws XMLStreamException {
        xml.writeStartElement(NS, "RangeCheck");
        attributes(Map.of("Comparator", comparator, "SoftHard", "Hard"));
        element("CheckValue", value);
        xml.writeEndElement();
    }

    private void translated(String lang, String text) throws XMLStreamException {
        xml.writeStartElement(NS, "TranslatedText");
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", lang);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(NS, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void empty(String name, Map<String, String> attributes) throws XMLStreamException {
        xml.writeEmptyElement(NS, name);
        attributes(attributes);
    }

    private void attributes(Map<String, String> attributes) throws XMLStreamException {
        for (Map.Entry<String, String> a : new TreeMap<>(attributes).entrySet()) {
            xml.writeAttribute(a.getKey(), a.getValue());
        }
    }

    private static String dataType(Item item) {
        return switch (item.type()) {
            case INTEGER -> "integer";
            case DECIMAL -> "float";
            case DATE -> "date";
            case YES_NO, TEXT -> "text";
        };
    }

    private static String itemOid(Instrument instrument, String item) {
        return "I." + oid(instrument.code()) + "." + oid(item);
    }

    private static String oid(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_.-]", "_");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
