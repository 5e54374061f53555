package org.researchportal.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A question on one data point of a participant's form, raised by a monitor or an edit check, answered by the role it
 * is assigned to and closed (or opened again) by the monitor. The data point is kept in flat fields so the indexes
 * can name them; the thread holds every step.
 */
@Document("data_queries")
@CompoundIndex(name = "tenant_study_state_opened", def = "{'tenantId': 1, 'studyId': 1, 'state': 1, 'openedAt': 1}")
@CompoundIndex(name = "tenant_participant_opened", def = "{'tenantId': 1, 'participantId': 1, 'openedAt': 1}")
@CompoundIndex(name = "tenant_point_opened", def = "{'tenantId': 1, 'participantId': 1, 'kind': 1, 'form': 1,"
        + " 'occasion': 1, 'item': 1, 'openedAt': 1}")
class DataQuery extends TenantOwnedDocument {

    private String studyId;
    private String participantId;
    private FormKind kind;
    private String form;
    private String occasion;
    private String item;
    private @Nullable String studyNumber;
    private @Nullable String value;
    private @Nullable String checkCode;
    private PortalRole assignee;
    private QueryState state;
    private Instant openedAt;
    private List<QueryMessage> thread = new ArrayList<>();

    DataQuery(String studyId, String participantId, FormKind kind, String form, String occasion, String item,
            @Nullable String studyNumber, @Nullable String value, @Nullable String checkCode, PortalRole assignee,
            QueryState state, Instant openedAt, List<QueryMessage> thread) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.kind = kind;
        this.form = form;
        this.occasion = occasion;
        this.item = item;
        this.studyNumber = studyNumber;
        this.value = value;
        this.checkCode = checkCode;
        this.assignee = assignee;
        this.state = state;
        this.openedAt = openedAt;
        this.thread = new ArrayList<>(thread);
    }

    static DataQuery raised(DataPoint point, @Nullable String studyNumber, @Nullable String value,
            @Nullable String checkCode, PortalRole assignee, QueryMessage raised) {
        ClinicalForm f = point.form();
        return new DataQuery(f.studyId(), f.participantId(), f.kind(), f.form(), f.occasion(), point.item(),
                studyNumber, value, checkCode, assignee, QueryState.OPEN, raised.at(), List.of(raised));
    }

    DataPoint point() {
        return new ClinicalForm(studyId, participantId, kind, form, occasion).item(item);
    }

    String getStudyId() {
        return studyId;
    }

    String getParticipantId() {
        return participantId;
    }

    PortalRole getAssignee() {
        return assignee;
    }

    QueryState getState() {
        return state;
    }

    @Nullable
    String getCheckCode() {
        return checkCode;
    }

    /** Moves the query on with one more step of its thread. */
    void step(QueryState next, QueryMessage message) {
        state = next;
        thread.add(message);
    }

    DataQueryRecord toRecord() {
        return new DataQueryRecord(requireId(), point(), studyNumber, value, checkCode, assignee, state, openedAt,
                thread);
    }

    DataQueryRow toRow() {
        return new DataQueryRow(requireId(), participantId, studyNumber, point(), state, assignee, openedAt);
    }
}
