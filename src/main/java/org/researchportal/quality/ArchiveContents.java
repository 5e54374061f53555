package org.researchportal.quality;

import java.util.ArrayList;
import java.util.List;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.security.PortalRole;
import org.researchportal.reporting.ArchiveAdditions;
import org.springframework.stereotype.Component;

/**
 * What the quality module adds to the archive at lock: the investigator's signatures and the data queries with their
 * threads, each placed by the archive where ODM allows it. Read with the archive writer's authority (see
 * {@link LockArchives}); the queries are this module's own records, read whole whatever their state.
 */
@Component
class ArchiveContents implements ArchiveAdditions {

    /** The responsibility an investigator accepts by signing (21 CFR 11.50: the meaning of the signature). */
    static final String LEGAL_REASON = "The signer reviewed these data and approves them as accurate and complete.";

    private final Signatures signatures;
    private final DataQueryRecords queries;

    ArchiveContents(Signatures signatures, DataQueryRecords queries) {
        this.signatures = signatures;
        this.queries = queries;
    }

    /** The participant's valid signatures, oldest first: a voided one no longer vouches for the data it covered. */
    @Override
    public List<Signed> signatures(String studyId, String participantId) {
        List<Signed> signed = new ArrayList<>();
        signatures.ofParticipant(participantId).reversed().stream().filter(SignatureRecord::valid)
                .filter(s -> s.studyId().equals(studyId)).forEach(s -> {
                    for (ClinicalForm form : formsOf(s)) {
                        signed.add(new Signed(form, s.signerUsername(), s.signerName(), s.signedAt(),
                                "REVIEWED_AND_APPROVED", "Reviewed and approved", LEGAL_REASON));
                    }
                });
        return signed;
    }

    /** A timepoint's signature covers the whole timepoint; an adverse-event signature each event it names. */
    private static List<ClinicalForm> formsOf(SignatureRecord s) {
        if (s.scope() == SignatureScope.TIMEPOINT && s.timepoint() != null) {
            return List.of(ClinicalForm.instrument(s.studyId(), s.participantId(), s.timepoint(), "*"));
        }
        String prefix = FormKind.ADVERSE_EVENT.code() + ":" + FormKind.ADVERSE_EVENT.code() + "@";
        return s.forms().stream().filter(key -> key.startsWith(prefix)).map(key -> ClinicalForm.adverseEvent(s
                .studyId(), s.participantId(), key.substring(prefix.length()))).toList();
    }

    @Override
    public List<QueryThread> queries(String studyId, String participantId) {
        return queries.ofParticipant(participantId).stream().map(DataQuery::toRecord)
                .filter(q -> q.point().form().studyId().equals(studyId)).map(q -> new QueryThread(q.id(), q.point(),
                        q.thread().stream().map(m -> new Step(action(m.kind()), m.by(), m.byName(), m.at(),
                                words(m), m.role() != null && m.role() != PortalRole.MONITOR)).toList()))
                .toList();
    }

    /** What was said, and for a correction the value it replaced and the one it gave. */
    private static String words(QueryMessage message) {
        return message.kind() == QueryMessage.Kind.ANSWERED_WITH_CORRECTION ? message.text() + " ["
                + message.oldValue() + " -> " + message.newValue() + "]" : message.text();
    }

    private static String action(QueryMessage.Kind kind) {
        return switch (kind) {
            case RAISED -> "OPENED";
            case ANSWERED_WITH_CORRECTION, ANSWERED_WITH_EXPLANATION -> "ANSWERED";
            case CLOSED -> "CLOSED";
            case REOPENED -> "REOPENED";
        };
    }
}
