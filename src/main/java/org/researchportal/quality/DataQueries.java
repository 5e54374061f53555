package org.researchportal.quality;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AdverseEventRow;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.assessments.Respondent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Data queries: a monitor (or an edit check) questions one data point of a participant's form; the role it is
 * assigned to answers with an explanation or a corrected value, the correction made through the service that owns the
 * form with the query's words as its reason; the monitor closes it or opens it again. Every step is in the audit trail
 * and in the query's own thread. The site reads the queries assigned to its roles; the monitor reads them all.
 */
@Service
public class DataQueries {

    static final String ENTITY = "DataQuery";
    public static final int TEXT_MAX_LENGTH = 1000;
    public static final int VALUE_MAX_LENGTH = 1000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Set<QueryState> UNRESOLVED = EnumSet.of(QueryState.OPEN, QueryState.ANSWERED,
            QueryState.REOPENED);
    /** The roles that answer queries at the site. */
    private static final Set<PortalRole> SITE = EnumSet.of(PortalRole.ASSESSOR, PortalRole.CLINICIAN,
            PortalRole.COORDINATOR);

    private final DataQueryRecords queries;
    private final BlindedParticipants participants;
    private final AssessmentService assessments;
    private final AdverseEventService adverseEvents;
    private final InstrumentLibrary instruments;
    private final StudyService studies;
    private final AuditTrail audit;
    private final TenantDocuments documents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DataQueries(DataQueryRecords queries, BlindedParticipants participants, AssessmentService assessments,
            AdverseEventService adverseEvents, InstrumentLibrary instruments, StudyService studies, AuditTrail audit,
            TenantDocuments documents, ApplicationEventPublisher events, Clock clock) {
        this.queries = queries;
        this.participants = participants;
        this.assessments = assessments;
        this.adverseEvents = adverseEvents;
        this.instruments = instruments;
        this.studies = studies;
        this.audit = audit;
        this.documents = documents;
        this.events = events;
        this.clock = clock;
    }

    /** The role a query on a form is assigned to unless the monitor chooses another. */
    public static PortalRole defaultAssignee(FormKind kind) {
        return switch (kind) {
            case INSTRUMENT -> PortalRole.ASSESSOR;
            case ADVERSE_EVENT, CONSENT, ELIGIBILITY -> PortalRole.CLINICIAN;
            case FOLLOW_UP_CALL -> PortalRole.COORDINATOR;
        };
    }

    /**
     * The roles a query on a form may be assigned to: those who keep such forms. An adverse event, the consent and
     * eligibility are the clinician's alone (an event's relatedness to the programme would tell a blinded assessor
     * the arm).
     */
    public static Set<PortalRole> assignable(FormKind kind) {
        return switch (kind) {
            case INSTRUMENT -> EnumSet.of(PortalRole.ASSESSOR, PortalRole.CLINICIAN);
            case ADVERSE_EVENT, CONSENT, ELIGIBILITY -> EnumSet.of(PortalRole.CLINICIAN);
            case FOLLOW_UP_CALL -> EnumSet.of(PortalRole.COORDINATOR, PortalRole.CLINICIAN);
        };
    }

    /**
     * Whether an answer may correct the value itself: where the owning service offers a correction with a reason
     * (an instrument's items and an adverse event's fields); elsewhere the site explains and corrects in its form.
     */
    public static boolean correctable(FormKind kind) {
        return kind == FormKind.INSTRUMENT || kind == FormKind.ADVERSE_EVENT;
    }

    /**
     * A monitor raises a query on a data point. An instrument item's value is read from the record; for other forms
     * the value is as the monitor read it. Assigned to {@code assignee}, or the form's usual role when null.
     */
    @Secured(Authorities.MONITOR)
    public DataQueryRecord raise(DataPoint point, @Nullable String value, @Nullable PortalRole assignee,
            String text) {
        if (assignee != null && !assignable(point.form().kind()).contains(assignee)) {
            throw ValidationException.of("assignee", "query.assignee.invalid");
        }
        return raised(point, value, null, assignee, text, null);
    }

    /** An edit check's query, raised by the system; none while one of the same check stands on the point. */
    Optional<DataQueryRecord> raiseForCheck(DataPoint point, String checkCode, String text, String textZh) {
        boolean standing = queries.onPoint(point).stream().anyMatch(q -> q.getState().unresolved()
                && checkCode.equals(q.getCheckCode()));
        if (standing) {
            return Optional.empty();
        }
        return Optional.of(raised(point, null, checkCode, null, text, textZh));
    }

    private DataQueryRecord raised(DataPoint point, @Nullable String given, @Nullable String checkCode,
            @Nullable PortalRole chosen, String text, @Nullable String textZh) {
        requireText(text);
        if (given != null && given.length() > VALUE_MAX_LENGTH) {
            throw ValidationException.of("value", "query.value.invalid");
        }
        BlindedParticipantRow participant = participantOf(point.form());
        PortalRole assignee = chosen != null ? chosen : usualAssignee(point.form());
        String value = point.form().kind() == FormKind.INSTRUMENT ? storedValue(point) : given;
        DataQuery query = queries.add(DataQuery.raised(point, participant.studyNumber(), value, checkCode, assignee,
                message(QueryMessage.Kind.RAISED, text.strip(), textZh, null, null)));
        audit.record("query.raised", ENTITY, query.requireId(), null, summary(query, text.strip()), null);
        events.publishEvent(new DataQueryRaised(documents.currentTenantId(), query.requireId(), point, assignee));
        return asReaderMay(query);
    }

    /** The site answers a query assigned to one of its roles with an explanation; the value stays as it is. */
    @Secured({Authorities.ASSESSOR, Authorities.CLINICIAN, Authorities.COORDINATOR})
    public DataQueryRecord answer(String queryId, String explanation) {
        DataQuery query = answerable(queryId);
        requireText(explanation);
        return stepped(query, QueryState.ANSWERED, "query.answered", message(
                QueryMessage.Kind.ANSWERED_WITH_EXPLANATION, explanation.strip(), null, null, null));
    }

    /**
     * The site answers a query assigned to one of its roles with a corrected value: changed through the form's own
     * service, with the answer's words as the change's reason, so the form's trail says why it changed.
     */
    @Secured({Authorities.ASSESSOR, Authorities.CLINICIAN, Authorities.COORDINATOR})
    public DataQueryRecord answerWithCorrection(String queryId, String newValue, String reason) {
        DataQuery query = answerable(queryId);
        requireText(reason);
        DataPoint point = query.point();
        ClinicalForm form = point.form();
        if (!correctable(form.kind())) {
            throw ValidationException.of("value", "query.correction.not-offered");
        }
        if (newValue.length() > VALUE_MAX_LENGTH) {
            throw ValidationException.of("value", "query.value.invalid");
        }
        String oldValue;
        if (form.kind() == FormKind.INSTRUMENT) {
            oldValue = storedValue(point);
            assessments.correct(form.participantId(), form.occasion(), form.form(), point.item(), newValue,
                    reason.strip());
        } else {
            AdverseEventRow event = adverseEvents.ofParticipant(form.participantId()).stream()
                    .filter(e -> e.id().equals(form.occasion())).findFirst()
                    .orElseThrow(() -> new NotFoundException("AdverseEvent", form.occasion()));
            oldValue = RecordFields.read(event.report(), point.item());
            adverseEvents.update(event.id(), RecordFields.with(event.report(), point.item(), newValue),
                    reason.strip());
        }
        return stepped(query, QueryState.ANSWERED, "query.corrected", message(
                QueryMessage.Kind.ANSWERED_WITH_CORRECTION, reason.strip(), null, oldValue, newValue.strip()));
    }

    /** The monitor closes a query (answered, or one that needs no answer any more). */
    @Secured(Authorities.MONITOR)
    public DataQueryRecord close(String queryId, String text) {
        DataQuery query = queries.find(queryId).orElseThrow(() -> new NotFoundException(ENTITY, queryId));
        if (query.getState() == QueryState.CLOSED) {
            throw ValidationException.of("query", "query.already-closed");
        }
        requireText(text);
        return stepped(query, QueryState.CLOSED, "query.closed", message(QueryMessage.Kind.CLOSED, text.strip(),
                null, null, null));
    }

    /** The monitor opens an answered or closed query again: the answer did not settle it. */
    @Secured(Authorities.MONITOR)
    public DataQueryRecord reopen(String queryId, String text) {
        DataQuery query = queries.find(queryId).orElseThrow(() -> new NotFoundException(ENTITY, queryId));
        if (query.getState().awaitingAnswer()) {
            throw ValidationException.of("query", "query.not-answered");
        }
        requireText(text);
        return stepped(query, QueryState.REOPENED, "query.reopened", message(QueryMessage.Kind.REOPENED,
                text.strip(), null, null, null));
    }

    /** One query, when the reader may see it. */
    @Secured({Authorities.MONITOR, Authorities.ASSESSOR, Authorities.CLINICIAN, Authorities.COORDINATOR})
    public Optional<DataQueryRecord> query(String queryId) {
        return queries.find(queryId).filter(DataQueries::visible).map(DataQueries::asReaderMay);
    }

    /** A participant's queries the reader may see, oldest first. */
    @Secured({Authorities.MONITOR, Authorities.ASSESSOR, Authorities.CLINICIAN, Authorities.COORDINATOR})
    public List<DataQueryRecord> ofParticipant(String participantId) {
        return queries.ofParticipant(participantId).stream().filter(DataQueries::visible).map(DataQueries::asReaderMay)
                .toList();
    }

    /** The queries on one data point the reader may see, oldest first: what a field's marker shows. */
    @Secured({Authorities.MONITOR, Authorities.ASSESSOR, Authorities.CLINICIAN, Authorities.COORDINATOR})
    public List<DataQueryRecord> onPoint(DataPoint point) {
        return queries.onPoint(point).stream().filter(q -> q.getStudyId().equals(point.form().studyId()))
                .filter(DataQueries::visible).map(DataQueries::asReaderMay).toList();
    }

    /** A study's queries in the given states the reader may see, oldest first (all states when none is given). */
    @Secured({Authorities.MONITOR, Authorities.ASSESSOR, Authorities.CLINICIAN, Authorities.COORDINATOR})
    public List<DataQueryRecord> ofStudy(String studyId, Set<QueryState> states) {
        Set<QueryState> wanted = states.isEmpty() ? EnumSet.allOf(QueryState.class) : states;
        return queries.ofStudy(studyId, wanted).stream().filter(DataQueries::visible).map(DataQueries::asReaderMay)
                .toList();
    }

    /** The study's queries that still stand (open, answered or re-opened), oldest first, for the dashboard. */
    @Secured(Authorities.MONITOR)
    public List<DataQueryRow> openOf(String studyId) {
        return queries.ofStudy(studyId, UNRESOLVED).stream().map(DataQuery::toRow).toList();
    }

    /** Every query of the study with its whole thread, for the archive's annotations. */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public List<DataQueryRecord> allOf(String studyId) {
        return queries.ofStudy(studyId, EnumSet.allOf(QueryState.class)).stream().map(DataQuery::toRecord).toList();
    }

    /** The query as the reader may read it: blinded readers never an arm-revealing value. */
    private static DataQueryRecord asReaderMay(DataQuery query) {
        DataQueryRecord record = query.toRecord();
        return CurrentUser.require().blinded() ? record.forBlindedReader() : record;
    }

    /** The monitor sees every query; the site sees those assigned to a role it holds. */
    private static boolean visible(DataQuery query) {
        PortalUser reader = CurrentUser.require();
        return reader.hasRole(PortalRole.MONITOR) || reader.hasRole(query.getAssignee());
    }

    private DataQuery answerable(String queryId) {
        DataQuery query = queries.find(queryId).orElseThrow(() -> new NotFoundException(ENTITY, queryId));
        PortalUser reader = CurrentUser.require();
        if (!reader.hasRole(query.getAssignee())) {
            throw new AccessDeniedException("The query is assigned to " + query.getAssignee());
        }
        if (!query.getState().awaitingAnswer()) {
            throw ValidationException.of("query", "query.not-awaiting-answer");
        }
        return query;
    }

    private DataQueryRecord stepped(DataQuery query, QueryState next, String action, QueryMessage message) {
        Map<String, Object> before = summary(query, null);
        query.step(next, message);
        DataQuery saved = queries.save(query);
        audit.record(action, ENTITY, saved.requireId(), before, summary(saved, message.text()), message.text());
        return asReaderMay(saved);
    }

    /** What the trail keeps of a query: the participant (so it files in their trail), the point, the state. */
    private static Map<String, Object> summary(DataQuery query, @Nullable String text) {
        DataPoint point = query.point();
        Map<String, Object> summary = new HashMap<>();
        summary.put("participantId", point.form().participantId());
        summary.put("form", point.form().key());
        summary.put("item", point.item());
        summary.put("assignee", query.getAssignee().name());
        summary.put("state", query.getState().name());
        if (text != null) {
            summary.put("text", text);
        }
        return summary;
    }

    private QueryMessage message(QueryMessage.Kind kind, String text, @Nullable String textZh,
            @Nullable String oldValue, @Nullable String newValue) {
        PortalUser actor = CurrentUser.require();
        PortalRole role = actor.username().startsWith("system:") ? null
                : kind == QueryMessage.Kind.CLOSED || kind == QueryMessage.Kind.REOPENED
                        || kind == QueryMessage.Kind.RAISED ? PortalRole.MONITOR
                : SITE.stream().filter(actor::hasRole).findFirst().orElse(null);
        return new QueryMessage(actor.username(), actor.displayName(), role, clock.instant(), kind, text, textZh,
                oldValue, newValue);
    }

    private static void requireText(String text) {
        if (Inputs.isBlankOrLonger(text, TEXT_MAX_LENGTH)) {
            throw ValidationException.of("text", "query.text.required");
        }
    }

    /**
     * The participant a point names, in the tenant in scope and in the study the point names; the point's form and
     * item must be names a form could have.
     */
    private BlindedParticipantRow participantOf(ClinicalForm form) {
        BlindedParticipantRow participant = participants.blindedParticipant(form.participantId())
                .filter(p -> p.studyId().equals(form.studyId()))
                .orElseThrow(() -> new NotFoundException("Participant", form.participantId()));
        boolean named = switch (form.kind()) {
            case INSTRUMENT -> CODE.matcher(form.form()).matches() && CODE.matcher(form.occasion()).matches();
            case CONSENT, ELIGIBILITY -> form.form().equals(form.kind().code()) && form.occasion().isEmpty();
            case ADVERSE_EVENT, FOLLOW_UP_CALL -> form.form().equals(form.kind().code())
                    && CODE.matcher(form.occasion()).matches();
        };
        if (!named) {
            throw new NotFoundException("Form", form.key());
        }
        return participant;
    }

    /**
     * The form's usual role; an instrument the participant answered herself is the clinician's to query (the site
     * asks her, never the portal), one entered by staff from her paper form the assessor's who transcribed it.
     */
    private PortalRole usualAssignee(ClinicalForm form) {
        if (form.kind() == FormKind.INSTRUMENT && studies.schedule(form.studyId()).stream()
                .anyMatch(t -> t.code().equals(form.occasion()) && t.byParticipant(form.form()))) {
            boolean hers = assessments.find(form.participantId(), form.occasion(), form.form())
                    .map(r -> r.respondent() == Respondent.PARTICIPANT).orElse(true);
            return hers ? PortalRole.CLINICIAN : PortalRole.ASSESSOR;
        }
        return defaultAssignee(form.kind());
    }

    /** An instrument item's value as recorded (the entry must exist and have the item), or its date. */
    private @Nullable String storedValue(DataPoint point) {
        ClinicalForm form = point.form();
        AssessmentRecord record = assessments.find(form.participantId(), form.occasion(), form.form())
                .orElseThrow(() -> new NotFoundException("Assessment", form.key()));
        if (AssessmentService.ASSESSED_ON.equals(point.item())) {
            return record.assessedOn().toString();
        }
        boolean isItem = instruments.acrossVersions(form.form()).map(i -> i.item(point.item()).isPresent())
                .orElse(false);
        if (!isItem) {
            throw ValidationException.of("item", "query.item.invalid");
        }
        return record.answers().get(point.item());
    }
}
