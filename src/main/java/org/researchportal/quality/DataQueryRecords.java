package org.researchportal.quality;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The data queries of the tenant in scope. */
@Component
class DataQueryRecords {

    private static final Sort OLDEST_FIRST = Sort.by("openedAt");

    private final TenantDocuments documents;

    DataQueryRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    Optional<DataQuery> find(String id) {
        return documents.findById(id, DataQuery.class);
    }

    List<DataQuery> ofParticipant(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId)).with(OLDEST_FIRST),
                DataQuery.class);
    }

    List<DataQuery> ofStudy(String studyId, Collection<QueryState> states) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("state").in(states))
                .with(OLDEST_FIRST), DataQuery.class);
    }

    /** The queries on one data point (few: a point is questioned now and then). */
    List<DataQuery> onPoint(DataPoint point) {
        var form = point.form();
        return documents.find(Query.query(Criteria.where("participantId").is(form.participantId()).and("kind")
                .is(form.kind()).and("form").is(form.form()).and("occasion").is(form.occasion()).and("item")
                .is(point.item())).with(OLDEST_FIRST), DataQuery.class);
    }

    DataQuery add(DataQuery query) {
        return documents.insert(query);
    }

    /** Saves a step; a step taken by someone else meanwhile fails with an optimistic locking failure. */
    DataQuery save(DataQuery query) {
        return documents.save(query);
    }
}
