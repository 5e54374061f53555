package org.researchportal.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DataDictionary;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.exercise.ProgressFigures;
import org.researchportal.followup.CallWorklist;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ReleasedAllocations;
import org.researchportal.study.Arm;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.study.Timepoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * A study's data for analysis: CSV (one row per randomised participant and timepoint) with its data dictionary, and
 * CDISC ODM 1.3.2 XML; for an unblinded reader also adverse events, programme adherence and the follow-up calls'
 * answers (extra CSV tables in the zip, extra study events in ODM). Pseudonymous: study numbers, never names or
 * contact details. A blinded caller (an assessor, or an assessor's API token) gets no arm: the blinded export is built
 * from rows that carry none, and has none of the extra tables, since each tells the arm (an event's relatedness to
 * the programme, a programme at all, a call script's questions). Once the study's database is locked the allocation is
 * released for analysis ({@link ReleasedAllocations}): the blinded reader's rows then name the arm too.
 */
@Service
public class StudyExports {

    private final StudyService studies;
    private final ParticipantService participants;
    private final BlindedParticipants blindedParticipants;
    private final AssessmentService assessments;
    private final InstrumentLibrary instrumentLibrary;
    private final MissedVisits missedVisits;
    private final AdverseEventService adverseEvents;
    private final ProgressFigures progressFigures;
    private final CallWorklist calls;
    private final Clock clock;
    private final ReleasedAllocations allocations;
    private final ClinicalRecordLocks locks;
    private final AuditTrail audit;
    private final ObjectProvider<ArchiveAdditions> additions;

    StudyExports(StudyService studies, ParticipantService participants, BlindedParticipants blindedParticipants,
            AssessmentService assessments, InstrumentLibrary instrumentLibrary, MissedVisits missedVisits,
            AdverseEventService adverseEvents, ProgressFigures progressFigures, CallWorklist calls, Clock clock,
            ReleasedAllocations allocations, ClinicalRecordLocks locks, AuditTrail audit,
            ObjectProvider<ArchiveAdditions> additions) {
        this.allocations = allocations;
        this.locks = locks;
        this.audit = audit;
        this.additions = additions;
        this.studies = studies;
        this.participants = participants;
        this.blindedParticipants = blindedParticipants;
        this.assessments = assessments;
        this.instrumentLibrary = instrumentLibrary;
        this.missedVisits = missedVisits;
        this.adverseEvents = adverseEvents;
        this.progressFigures = progressFigures;
        this.calls = calls;
        this.clock = clock;
    }

    @Secured({Authorities.CLINICIAN, Authorities.ASSESSOR, Authorities.MONITOR})
    public void csv(String studyId, Writer out) {
        write(() -> CsvExport.rows(read(studyId), out));
    }

    @Secured({Authorities.CLINICIAN, Authorities.ASSESSOR, Authorities.MONITOR})
    public void dictionary(String studyId, Writer out) {
        write(() -> CsvExport.dictionary(read(studyId), out));
    }

    @Secured({Authorities.CLINICIAN, Authorities.ASSESSOR, Authorities.MONITOR})
    public void odm(String studyId, OutputStream out) {
        try {
            OdmExport.write(read(studyId), clock.instant(), out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the ODM export", e);
        }
    }

    /**
     * Every table in one zip: the data and its dictionary, and for an unblinded reader the adverse events, the
     * programme adherence and the follow-up calls, each with its dictionary. Written entry by entry as it is read.
     */
    @Secured({Authorities.CLINICIAN, Authorities.ASSESSOR, Authorities.MONITOR})
    public void zip(String studyId, OutputStream out) {
        ExportData first = read(studyId);
        write(() -> {
            var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            tables(studyId, first, zip, null);
            zip.finish();
            zip.flush();
        });
    }

    /**
     * The archive of a study at its database lock, as of the lock: one zip with the ODM 1.3.2 record (metadata, the
     * clinical data as transactions with who, when and why from the audit trail, the signatures, the queries as
     * annotations), the CSV tables with their dictionaries, and the instruments as a REDCap data dictionary. Its
     * entries are dated at the lock, so the same data give the same bytes. Unblinded: it is the record the analysis
     * starts from once nothing can change any more, and its adverse events and adherence tell the arm anyway; so only
     * a role that may see the arm writes it, and only the monitor and the administrator download it (quality's
     * LockArchives).
     */
    @Secured(Authorities.CLINICIAN)
    public void archive(String studyId, Instant asOf, OutputStream out) {
        ExportData first = read(studyId);
        ArchiveAdditions additions = this.additions.getIfAvailable(() -> NO_ADDITIONS);
        write(() -> {
            var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            zip.putNextEntry(entry("odm.xml", asOf));
            try {
                OdmArchive.write(first, asOf, audit::participantHistory, additions, zip);
            } catch (XMLStreamException e) {
                throw new IllegalStateException("Could not write the ODM archive", e);
            }
            tables(studyId, first, zip, asOf);
            Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            zip.putNextEntry(entry("instruments_data_dictionary.csv", asOf));
            text.write(DataDictionary.write(first.instruments));
            text.flush();
            zip.finish();
            zip.flush();
        });
    }

    private void tables(String studyId, ExportData first, ZipOutputStream zip, @Nullable Instant asOf)
            throws IOException {
        Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        zip.putNextEntry(entry("data.csv", asOf));
        CsvExport.rows(first, text);
        zip.putNextEntry(entry("dictionary.csv", asOf));
        CsvExport.dictionary(first, text);
        if (!first.blinded) {
            for (CsvTables table : CsvTables.values()) {
                zip.putNextEntry(entry(table.file + ".csv", asOf));
                table.write(read(studyId), text);
                zip.putNextEntry(entry(table.file + "_dictionary.csv", asOf));
                table.dictionary(text);
            }
        }
        text.flush();
    }

    private static ZipEntry entry(String name, @Nullable Instant at) {
        var entry = new ZipEntry(name);
        if (at != null) {
            entry.setTime(at.toEpochMilli());
        }
        return entry;
    }

    private ExportData read(String studyId) {
        StudySummary study = studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
        boolean blinded = CurrentUser.require().blinded();
        // After the database lock the allocation is released for analysis to the blinded readers too.
        boolean released = blinded && locks.studyLocked(studyId);
        List<Timepoint> schedule = studies.schedule(studyId);
        List<Instrument> instruments = schedule.stream().flatMap(t -> t.instruments().stream()).distinct()
                .map(instrumentLibrary::acrossVersions).flatMap(Optional::stream).toList();
        return new ExportData(study, blinded, !blinded || released, schedule, instruments, page -> blinded
                ? blindedSubjects(study, page, released)
                : onlyAllocated(participants.participants(studyId, page).map(p -> p.armName() == null ? null
                        : new ExportSubject(p.id(), String.valueOf(p.studyNumber()), p.status().name(),
                                p.enrolledOn(), canonical(study, p.armName())))),
                ids -> assessments.assessmentsOf(studyId, ids), ids -> missedVisits.missedVisitsOf(studyId, ids),
                // Asked only when unblinded (ExportData never reads them otherwise), and refused by their services
                // to anyone who may not see the arm.
                ids -> adverseEvents.eventsOf(studyId, ids), ids -> progressFigures.adherence(studyId, ids),
                ids -> calls.callsOf(studyId, ids));
    }

    /** A page of participants as a blinded reader has them: with their arm only once the study is locked. */
    private Slice<ExportSubject> blindedSubjects(StudySummary study, Pageable page, boolean released) {
        Slice<BlindedParticipantRow> rows = blindedParticipants.blindedParticipants(study.id(), page);
        Map<String, String> arms = released ? allocations.armCodes(study.id(), rows.stream().map(
                BlindedParticipantRow::id).toList()) : Map.of();
        return rows.map(p -> new ExportSubject(p.id(), String.valueOf(p.studyNumber()), p.status().name(),
                p.enrolledOn(), arms.containsKey(p.id()) ? armName(study, arms.get(p.id())) : null));
    }

    private static String armName(StudySummary study, String armCode) {
        return study.arms().stream().filter(a -> a.code().equals(armCode)).map(Arm::name).findFirst()
                .orElse(armCode);
    }

    /** The arm's own name (rows name it in the reader's language): an export reads the same in every language. */
    private static String canonical(StudySummary study, String shown) {
        return study.arms().stream().filter(a -> a.name().equals(shown) || shown.equals(a.nameZh()))
                .map(Arm::name).findFirst().orElse(shown);
    }

    /** A page without the participants never allocated (screened only), who have no place in an export. */
    private static Slice<ExportSubject> onlyAllocated(Slice<@Nullable ExportSubject> page) {
        return new SliceImpl<>(page.stream().filter(Objects::nonNull).toList(), page.getPageable(), page.hasNext());
    }

    /** Without the module that keeps signatures and queries, an archive has none. */
    private static final ArchiveAdditions NO_ADDITIONS = new ArchiveAdditions() {
        @Override
        public List<Signed> signatures(String studyId, String participantId) {
            return List.of();
        }

        @Override
        public List<QueryThread> queries(String studyId, String participantId) {
            return List.of();
        }
    };

    private interface IoWork {
        void run() throws IOException;
    }

    private static void write(IoWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
