package org.researchportal.reporting;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.researchportal.assessments.Instrument;

/** What the ODM export's parts share: the writer, the data, the event and form OIDs, and the element helpers. */
abstract class OdmWriting {

    static final String NS = "http://www.cdisc.org/ns/odm/v1.3";
    static final String ENROLMENT = "ENROLMENT";
    /** A form on every timepoint saying it was missed or not done, and why: absent when it was not. */
    static final String VISIT = "VISIT";
    /** The unblinded export's extra events, each with one form of the same name (see CsvTables). */
    static final String ADVERSE_EVENTS = "AE";
    static final String ADHERENCE = "ADHERENCE";
    static final String CALL = "CALL";

    final XMLStreamWriter xml;
    final ExportData data;

    OdmWriting(XMLStreamWriter xml, ExportData data) {
        this.xml = xml;
        this.data = data;
    }

    void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(NS, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    void globalVariables() throws XMLStreamException {
        xml.writeStartElement(NS, "GlobalVariables");
        element("StudyName", data.study.acronym());
        element("StudyDescription", data.study.title());
        element("ProtocolName", data.study.registryId() == null ? data.study.acronym() : data.study.registryId());
        xml.writeEndElement();
    }

    void empty(String name, Map<String, String> attributes) throws XMLStreamException {
        xml.writeEmptyElement(NS, name);
        attributes(attributes);
    }

    void attributes(Map<String, String> attributes) throws XMLStreamException {
        for (Map.Entry<String, String> a : new TreeMap<>(attributes).entrySet()) {
            xml.writeAttribute(a.getKey(), a.getValue());
        }
    }

    static String form(CsvTables table) {
        return switch (table) {
            case ADVERSE_EVENTS -> ADVERSE_EVENTS;
            case ADHERENCE -> ADHERENCE;
            case CALLS -> CALL;
        };
    }

    static String tableItem(CsvTables table, String column) {
        return "I." + form(table) + "." + oid(column);
    }

    static String itemOid(Instrument instrument, String item) {
        return itemOid(instrument.code(), item);
    }

    static String itemOid(String instrument, String item) {
        return "I." + oid(instrument) + "." + oid(item);
    }

    static String oid(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_.-]", "_");
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
