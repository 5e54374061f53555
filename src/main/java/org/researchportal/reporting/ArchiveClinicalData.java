package org.researchportal.reporting;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AdverseEventRecord;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.audit.AuditEvent;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.study.Timepoint;

/**
 * The archive's ClinicalData as transactions, per subject. ODM 1.3.2 gives an element one AuditRecord at most, so a
 * value's history is one element per change: first the subject with what the audit trail does not follow value by
 * value (enrolment, the unblinded tables), then by time each audited entry or change of an instrument form or of a
 * timepoint recorded as missed (Insert, Update, Remove of each item, with who, when and why), each signature and each
 * query (its steps as annotations), and last whatever the data hold that the trail did not replay (entries older than the trail), so the
 * file ends in the data as they are.
 */
final class ArchiveClinicalData extends OdmWriting {

    static final String LOCATION = "L.SITE";
    private static final String INSERT = "Insert";
    private static final String CONTEXT = "Context";
    private static final String ASSESSMENT_ENTITY = "Assessment";

    /** Someone named in the file: login, printed name, and a user type when known (the investigator who signs). */
    record Person(String login, String name, @Nullable String type) {}

    private record Audit(String user, Instant at, @Nullable String reason, @Nullable String sourceId,
            boolean system) {}

    private record Level(String element, Map<String, String> attributes) {}

    private interface Write {
        void run() throws XMLStreamException;
    }

    private record Transaction(Instant at, Write write) {}

    final Map<String, Person> users = new TreeMap<>();
    final Map<String, ArchiveAdditions.Signed> meanings = new TreeMap<>();
    private final Function<String, List<AuditEvent>> history;
    private final ArchiveAdditions additions;
    private final OdmClinicalData plain;
    /** The current subject's entities written so far: a later transaction on one is no insert. */
    private final Set<String> present = new HashSet<>();

    ArchiveClinicalData(XMLStreamWriter xml, ExportData data, Function<String, List<AuditEvent>> history,
            ArchiveAdditions additions) {
        super(xml, data);
        this.history = history;
        this.additions = additions;
        this.plain = new OdmClinicalData(xml, data);
    }

    static String stamp(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    void clinicalData(String studyOid) throws XMLStreamException {
        xml.setDefaultNamespace(NS);
        xml.writeStartElement(NS, "ClinicalData");
        xml.writeDefaultNamespace(NS);
        attributes(Map.of("StudyOID", studyOid, "MetaDataVersionOID", "MDV.1"));
        for (ExportSubject subject : data.subjects) {
            subject(subject);
        }
        xml.writeEndElement();
    }

    private void subject(ExportSubject subject) throws XMLStreamException {
        present.clear();
        xml.writeStartElement(NS, "SubjectData");
        attributes(Map.of("SubjectKey", subject.studyNumber(), "TransactionType", INSERT));
        plain.enrolment(subject);
        if (!data.blinded) {
            plain.tables(subject);
        }
        xml.writeEndElement();

        Map<String, Map<String, String>> replayed = new HashMap<>();
        List<Transaction> timed = new ArrayList<>();
        List<AuditEvent> trail = new ArrayList<>(history.apply(subject.id()));
        // The trail comes newest first (entries of one millisecond in reverse order of making): reversed, in order.
        Collections.reverse(trail);
        for (AuditEvent event : trail) {
            Map<String, Object> snapshot = event.getAfter() != null ? event.getAfter() : event.getBefore();
            if (!ASSESSMENT_ENTITY.equals(event.getEntityType()) || snapshot == null
                    || !(snapshot.get("timepoint") instanceof String timepoint)) {
                continue;
            }
            // An instrument's entry, or the timepoint recorded as missed or not done (no instrument: the visit form).
            String instrument = snapshot.get("instrument") instanceof String code ? code : VISIT;
            if (instrument.equals(VISIT) ? !inSchedule(timepoint) : !inSchedule(timepoint, instrument)) {
                continue;
            }
            Map<String, String> values = event.getAfter() == null ? Map.of()
                    : instrument.equals(VISIT) ? ArchiveValues.visit(event.getAfter())
                    : ArchiveValues.of(instrument, event.getAfter());
            String form = timepoint + "/" + instrument;
            List<ArchiveValues.Change> changes = ArchiveValues.changes(replayed.getOrDefault(form, Map.of()), values);
            replayed.put(form, values);
            if (!changes.isEmpty()) {
                Audit audit = new Audit(user(event.getActor(), event.getActorName(), null), event.getAt(),
                        event.getReason(), event.getId(), event.getActor().startsWith("system:"));
                timed.add(new Transaction(event.getAt(), () -> change(subject, timepoint, instrument, changes,
                        audit)));
            }
        }
        for (ArchiveAdditions.Signed signed : additions.signatures(data.study.id(), subject.id())) {
            timed.add(new Transaction(signed.at(), () -> signature(subject, signed)));
        }
        for (ArchiveAdditions.QueryThread query : additions.queries(data.study.id(), subject.id())) {
            if (!query.steps().isEmpty()) {
                timed.add(new Transaction(query.steps().getFirst().at(), () -> query(subject, query)));
            }
        }
        timed.sort(Comparator.comparing(Transaction::at));
        for (Transaction transaction : timed) {
            transaction.write().run();
        }
        for (Timepoint t : data.schedule) {
            MissedVisitRecord missed = data.missed(subject.id(), t.code());
            if (missed != null) {
                List<ArchiveValues.Change> untracked = ArchiveValues.changes(replayed.getOrDefault(t.code() + "/"
                        + VISIT, Map.of()), ArchiveValues.visit(missed.kind().code(), missed.reason()));
                if (!untracked.isEmpty()) {
                    change(subject, t.code(), VISIT, untracked, null);
                }
            }
            for (Instrument instrument : data.instruments) {
                AssessmentRecord record = data.find(subject.id(), t.code(), instrument.code());
                if (record != null) {
                    List<ArchiveValues.Change> untracked = ArchiveValues.changes(replayed.getOrDefault(t.code() + "/"
                            + instrument.code(),
                            Map.of()), ArchiveValues.of(record));
                    if (!untracked.isEmpty()) {
                        change(subject, t.code(), instrument.code(), untracked, null);
                    }
                }
            }
        }
    }

    private boolean inSchedule(String timepoint, String instrument) {
        return inSchedule(timepoint) && data.instruments.stream().anyMatch(i -> i.code().equals(instrument));
    }

    private boolean inSchedule(String timepoint) {
        return data.schedule.stream().anyMatch(t -> t.code().equals(timepoint));
    }

    /** One entry or change of a form: each item inserted, updated or removed, each with the change's audit record. */
    private void change(ExportSubject subject, String timepoint, String instrument, List<ArchiveValues.Change> changes,
            @Nullable Audit audit) throws XMLStreamException {
        String event = "SE." + oid(timepoint);
        String form = "F." + oid(instrument);
        startSubject(subject);
        start("StudyEventData", Map.of("StudyEventOID", event), event);
        start("FormData", Map.of("FormOID", form), event + "/" + form);
        start("ItemGroupData", Map.of("ItemGroupOID", "IG." + oid(instrument)), event + "/" + form + "/IG");
        for (ArchiveValues.Change change : changes) {
            xml.writeStartElement(NS, "ItemData");
            Map<String, String> attributes = new HashMap<>(Map.of("ItemOID", change.item(), "TransactionType",
                    change.transaction()));
            if (change.value() != null) {
                attributes.put("Value", change.value());
            }
            attributes(attributes);
            if (audit != null) {
                auditRecord(audit);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The investigator's signature on the entity it covers; where the archive has no such entity, a note. */
    private void signature(ExportSubject subject, ArchiveAdditions.Signed signed) throws XMLStreamException {
        String signer = user(signed.signerId(), signed.signerName(), "Investigator");
        List<Level> path = path(subject, signed.form(), null);
        startSubject(subject);
        if (path == null) {
            annotation(1, "Sponsor", "Signed " + signed.form().key() + " by " + signed.signerName() + " at "
                    + stamp(signed.at()) + ": " + signed.meaning());
        } else {
            open(path);
            String definition = "SD." + oid(signed.meaningCode());
            meanings.putIfAbsent(definition, signed);
            xml.writeStartElement(NS, "Signature");
            empty("UserRef", Map.of("UserOID", signer));
            empty("LocationRef", Map.of("LocationOID", LOCATION));
            empty("SignatureRef", Map.of("SignatureOID", definition));
            element("DateTimeStamp", stamp(signed.at()));
            xml.writeEndElement();
            close(path);
        }
        xml.writeEndElement();
    }

    /**
     * A query's thread on the data point it questions: who opened it and when as its audit record, each step an
     * annotation (a comment by the sponsor's side or the site's). A point the archive does not carry is named in the
     * comments, on the subject.
     */
    private void query(ExportSubject subject, ArchiveAdditions.QueryThread query) throws XMLStreamException {
        ArchiveAdditions.Step opened = query.steps().getFirst();
        List<Level> path = path(subject, query.point().form(), query.point().item());
        startSubject(subject);
        if (path != null) {
            open(path);
        }
        auditRecord(new Audit(user(opened.by(), opened.byName(), null), opened.at(), null, query.queryId(), false));
        for (int i = 0; i < query.steps().size(); i++) {
            ArchiveAdditions.Step step = query.steps().get(i);
            user(step.by(), step.byName(), null);
            annotation(i + 1, step.fromSite() ? "Site" : "Sponsor", "[" + query.queryId() + "] "
                    + (path == null ? query.point().form().key() + " " + query.point().item() + " " : "")
                    + step.action() + " " + stamp(step.at()) + " " + step.byName() + ": " + step.text());
        }
        if (path != null) {
            close(path);
        }
        xml.writeEndElement();
    }

    /**
     * Where a form (and an item of it, when named) sits in the archive: an instrument at its timepoint (the whole
     * timepoint for form "*"), an adverse event as its numbered item group; none for what the archive does not hold.
     */
    private @Nullable List<Level> path(ExportSubject subject, ClinicalForm form, @Nullable String item) {
        List<Level> path = new ArrayList<>();
        if (form.kind() == FormKind.INSTRUMENT && inSchedule(form.occasion(), form.form())) {
            path.add(new Level("StudyEventData", Map.of("StudyEventOID", "SE." + oid(form.occasion()))));
            path.add(new Level("FormData", Map.of("FormOID", "F." + oid(form.form()))));
            if (item != null) {
                path.add(new Level("ItemGroupData", Map.of("ItemGroupOID", "IG." + oid(form.form()))));
                String name = item.equals("assessedOn") ? "assessed_on" : item;
                path.add(new Level("ItemData", Map.of("ItemOID", itemOid(form.form(), name))));
            }
            return path;
        }
        if (form.kind() == FormKind.INSTRUMENT && form.form().equals("*") && inSchedule(form.occasion())) {
            return List.of(new Level("StudyEventData", Map.of("StudyEventOID", "SE." + oid(form.occasion()))));
        }
        if (form.kind() == FormKind.ADVERSE_EVENT && !data.blinded) {
            List<AdverseEventRecord> events = data.adverseEvents(subject.id());
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).id().equals(form.occasion())) {
                    path.add(new Level("StudyEventData", Map.of("StudyEventOID", "SE." + ADVERSE_EVENTS)));
                    path.add(new Level("FormData", Map.of("FormOID", "F." + ADVERSE_EVENTS)));
                    path.add(new Level("ItemGroupData", Map.of("ItemGroupOID", "IG." + ADVERSE_EVENTS,
                            "ItemGroupRepeatKey", String.valueOf(i + 1))));
                    String column = item == null ? null : item.replaceAll("([a-z])([A-Z])", "$1_$2")
                            .toLowerCase(Locale.ROOT);
                    if (column != null && CsvTables.ADVERSE_EVENTS.columns.stream()
                            .anyMatch(c -> c.name().equals(column))) {
                        path.add(new Level("ItemData", Map.of("ItemOID", tableItem(CsvTables.ADVERSE_EVENTS,
                                column))));
                    }
                    return path;
                }
            }
        }
        return null;
    }

    private void startSubject(ExportSubject subject) throws XMLStreamException {
        xml.writeStartElement(NS, "SubjectData");
        attributes(Map.of("SubjectKey", subject.studyNumber(), "TransactionType", CONTEXT));
    }

    /** An entity of the subject: inserted the first time it is written, context after. */
    private void start(String element, Map<String, String> attributes, String key) throws XMLStreamException {
        xml.writeStartElement(NS, element);
        Map<String, String> all = new HashMap<>(attributes);
        all.put("TransactionType", present.add(key) ? INSERT : CONTEXT);
        attributes(all);
    }

    private void open(List<Level> path) throws XMLStreamException {
        for (Level level : path) {
            xml.writeStartElement(NS, level.element());
            Map<String, String> all = new HashMap<>(level.attributes());
            all.put("TransactionType", CONTEXT);
            attributes(all);
        }
    }

    private void close(List<Level> path) throws XMLStreamException {
        for (int i = 0; i < path.size(); i++) {
            xml.writeEndElement();
        }
    }

    private void auditRecord(Audit audit) throws XMLStreamException {
        xml.writeStartElement(NS, "AuditRecord");
        // Site entries and monitoring are the monitoring phase; the system's own work (imports, conversions) is
        // data management.
        xml.writeAttribute("EditPoint", audit.system() ? "DataManagement" : "Monitoring");
        empty("UserRef", Map.of("UserOID", audit.user()));
        empty("LocationRef", Map.of("LocationOID", LOCATION));
        element("DateTimeStamp", stamp(audit.at()));
        if (audit.reason() != null && !audit.reason().isBlank()) {
            element("ReasonForChange", audit.reason());
        }
        if (audit.sourceId() != null) {
            element("SourceID", audit.sourceId());
        }
        xml.writeEndElement();
    }

    private void annotation(int number, String side, String text) throws XMLStreamException {
        xml.writeStartElement(NS, "Annotation");
        xml.writeAttribute("SeqNum", String.valueOf(number));
        xml.writeStartElement(NS, "Comment");
        xml.writeAttribute("SponsorOrSite", side);
        xml.writeCharacters(text);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The user OID of someone named in the file, kept for AdminData. */
    private String user(String login, @Nullable String name, @Nullable String type) {
        String oid = "U." + oid(login);
        Person known = users.get(oid);
        if (known == null || (type != null && known.type() == null)) {
            users.put(oid, new Person(login, name == null || name.isBlank() ? login : name, type));
        }
        return oid;
    }
}
