package org.researchportal.reporting;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The CDISC ODM 1.3.2 export, streamed: the study's metadata (a study event per timepoint, a form and item group per
 * instrument, an item per question and score) and its clinical data. Unblinded, it also has a common event of adverse
 * events (a repeating item group, one per event), one of programme adherence, and a repeating event per follow-up
 * call keyed by its number. Elements follow the schema's order.
 */
final class OdmExport extends OdmWriting {

    private OdmExport(XMLStreamWriter xml, ExportData data) {
        super(xml, data);
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
        new OdmMetaData(xml, data).metaData();
        xml.writeEndElement();
        new OdmClinicalData(xml, data).clinicalData(studyOid);
        xml.writeEndElement();
        xml.writeEndDocument();
    }
}
