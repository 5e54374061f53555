package org.researchportal.assessments;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The tenant's instrument definitions, one per code, in the tenant in scope. */
@Component
class InstrumentRecords {

    private final TenantDocuments documents;

    InstrumentRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    /** Every definition, by code. */
    List<InstrumentDefinition> all() {
        return documents.find(new Query().with(Sort.by("code")), InstrumentDefinition.class);
    }

    /** The codes defined, in one read of the codes alone. */
    Set<String> codes() {
        Query query = new Query();
        query.fields().include("code");
        return documents.find(query, InstrumentDefinition.class).stream().map(InstrumentDefinition::getCode)
                .collect(Collectors.toSet());
    }

    Optional<InstrumentDefinition> byCode(String code) {
        return documents.findOne(Query.query(Criteria.where("code").is(code)), InstrumentDefinition.class);
    }

    void add(InstrumentDefinition definition) {
        documents.insert(definition);
    }

    /** Replaces a definition's instrument (its code stays). */
    void replace(String definitionId, Instrument instrument) {
        documents.updateFirst(Query.query(Criteria.where("_id").is(definitionId)),
                new Update().set("instrument", instrument).inc("version", 1), InstrumentDefinition.class);
    }
}
