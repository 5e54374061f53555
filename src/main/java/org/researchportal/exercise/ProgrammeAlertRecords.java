package org.researchportal.exercise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The alerts raised on programmes, in the tenant in scope: raising and handling them and the reads the services share. */
@Component
class ProgrammeAlertRecords {

    private final TenantDocuments documents;

    ProgrammeAlertRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    ProgrammeAlert raise(ProgrammeAlert alert) {
        return documents.insert(alert);
    }

    Optional<ProgrammeAlert> findAlert(String alertId) {
        return documents.findById(alertId, ProgrammeAlert.class);
    }

    ProgrammeAlert alert(String alertId) {
        return documents.getById(alertId, ProgrammeAlert.class);
    }

    /** A participant's alerts, newest first, open and handled alike. */
    List<ProgrammeAlert> alertsOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "raisedAt")), ProgrammeAlert.class);
    }

    /** Marks an alert handled if it is still open; answers whether it was. */
    boolean handle(String alertId, Instant at, String by, String note) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(alertId).and("handledAt").isNull()),
                new Update().set("handledAt", at).set("handledBy", by).set("handledNote", note),
                ProgrammeAlert.class) > 0;
    }

    /** How many open alerts each of these participants has (those with none are absent). */
    Map<String, Long> openCounts(Collection<String> participantIds) {
        Map<String, Long> open = new HashMap<>();
        documents.find(Query.query(Criteria.where("participantId").in(participantIds).and("handledAt").isNull()),
                ProgrammeAlert.class).forEach(a -> open.merge(a.getParticipantId(), 1L, Long::sum));
        return open;
    }

    /** The quiet spells already alerted, as participant id "/" the day of the last session before it. */
    Set<String> quietSpellsAlerted(Collection<String> participantIds) {
        Set<String> alerted = new HashSet<>();
        documents.find(Query.query(Criteria.where("participantId").in(participantIds).and("kind")
                .is(ProgrammeAlert.Kind.NO_SESSIONS)), ProgrammeAlert.class)
                .forEach(a -> alerted.add(quietSpell(a.getParticipantId(), a.toRecord().sessionDate())));
        return alerted;
    }

    static String quietSpell(String participantId, LocalDate lastActivity) {
        return participantId + "/" + lastActivity;
    }

    /** The kinds of alert a participant's session raised. */
    Set<ProgrammeAlert.Kind> raisedBy(String participantId, String sessionId) {
        Set<ProgrammeAlert.Kind> raised = new HashSet<>();
        documents.find(Query.query(Criteria.where("participantId").is(participantId).and("sessionId").is(sessionId)),
                ProgrammeAlert.class).forEach(a -> raised.add(a.getKind()));
        return raised;
    }
}
