package org.researchportal.reporting;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.researchportal.audit.AuditEvent;

/**
 * The ODM 1.3.2 archive of a study at its database lock: a transactional file meant as the electronic record
 * (Archival="Yes"), dated at the lock so the same data give the same bytes. The metadata as in the export, then who
 * acted (every user named by an audit record, signature or query), the site and the signatures' meanings, then the
 * clinical data as transactions with their audit records ({@link ArchiveClinicalData}). The schema wants the users
 * before the data that name them, so the data are written first to a file of their own and copied in after.
 */
final class OdmArchive extends OdmWriting {

    private OdmArchive(XMLStreamWriter xml, ExportData data) {
        super(xml, data);
    }

    static void write(ExportData data, Instant asOf, Function<String, List<AuditEvent>> history,
            ArchiveAdditions additions, OutputStream out) throws XMLStreamException, IOException {
        XMLOutputFactory factory = XMLOutputFactory.newInstance();
        String studyOid = "ST." + oid(data.study.acronym());
        Path clinical = Files.createTempFile("archive-clinical-", ".xml");
        try {
            ArchiveClinicalData written;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(clinical))) {
                XMLStreamWriter fragment = factory.createXMLStreamWriter(file, "UTF-8");
                written = new ArchiveClinicalData(fragment, data, history, additions);
                written.clinicalData(studyOid);
                fragment.flush();
            }
            XMLStreamWriter xml = factory.createXMLStreamWriter(out, "UTF-8");
            new OdmArchive(xml, data).document(studyOid, asOf, written);
            xml.flush();
            Files.copy(clinical, out);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } finally {
            Files.deleteIfExists(clinical);
        }
    }

    /** Everything up to the clinical data, which the caller copies in before the closing tag. */
    private void document(String studyOid, Instant asOf, ArchiveClinicalData written) throws XMLStreamException {
        String at = ArchiveClinicalData.stamp(asOf);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(NS);
        xml.writeStartElement(NS, "ODM");
        xml.writeDefaultNamespace(NS);
        attributes(Map.of("FileOID", "RP." + oid(data.study.acronym()) + ".LOCK." + asOf.toEpochMilli(), "FileType",
                "Transactional", "Archival", "Yes", "Granularity", "All", "CreationDateTime", at, "AsOfDateTime", at,
                "ODMVersion", "1.3.2", "Originator", "Research Portal", "SourceSystem", "Research Portal"));
        xml.writeStartElement(NS, "Study");
        xml.writeAttribute("OID", studyOid);
        globalVariables();
        new OdmMetaData(xml, data).metaData();
        xml.writeEndElement();
        adminData(studyOid, LocalDate.ofInstant(asOf.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC), written);
    }

    private void adminData(String studyOid, LocalDate effective, ArchiveClinicalData written)
            throws XMLStreamException {
        xml.writeStartElement(NS, "AdminData");
        xml.writeAttribute("StudyOID", studyOid);
        for (Map.Entry<String, ArchiveClinicalData.Person> user : written.users.entrySet()) {
            xml.writeStartElement(NS, "User");
            xml.writeAttribute("OID", user.getKey());
            if (user.getValue().type() != null) {
                xml.writeAttribute("UserType", user.getValue().type());
            }
            element("LoginName", user.getValue().login());
            element("FullName", user.getValue().name());
            xml.writeEndElement();
        }
        xml.writeStartElement(NS, "Location");
        attributes(Map.of("OID", ArchiveClinicalData.LOCATION, "Name", data.study.acronym(), "LocationType",
                "Site"));
        empty("MetaDataVersionRef", Map.of("StudyOID", studyOid, "MetaDataVersionOID", "MDV.1", "EffectiveDate",
                effective.toString()));
        xml.writeEndElement();
        for (Map.Entry<String, ArchiveAdditions.Signed> meaning : written.meanings.entrySet()) {
            xml.writeStartElement(NS, "SignatureDef");
            attributes(Map.of("OID", meaning.getKey(), "Methodology", "Electronic"));
            element("Meaning", meaning.getValue().meaning());
            element("LegalReason", meaning.getValue().legalReason());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}
