package org.researchportal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.lookup;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.out;

import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.study.Study;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.AggregationUpdate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The ways around tenant scoping that a careless caller might try are refused, and change nothing. */
class TenantDocumentsGuardTests extends PortalTest {

    @Autowired
    TenantDocuments documents;
    @Autowired
    MongoOperations mongo;

    private Study lakesideStudy() {
        return asSystem("lakeside", Set.of(PortalRole.TENANT_ADMIN),
                () -> documents.find(new Query(), Study.class).getFirst());
    }

    @Test
    void savingAnotherTenantsDocumentAnswersNotFoundAndWritesNothing() {
        Study lakeside = lakesideStudy();
        Document before = mongo.findById(lakeside.requireId(), Document.class, "studies");
        signIn("fudan.admin");
        assertThatThrownBy(() -> documents.save(lakeside)).isInstanceOf(NotFoundException.class);
        assertThat(mongo.findById(lakeside.requireId(), Document.class, "studies")).isEqualTo(before);
    }

    @Test
    void aggregationsCannotReachOtherCollectionsOrWrite() {
        signIn("fudan.clinician");
        assertThatThrownBy(() -> documents.aggregate(Study.class,
                List.of(lookup("participants", "_id", "studyId", "all")), Document.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> documents.aggregate(Study.class, List.of(out("stolen")), Document.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(documents.aggregate(Study.class, List.of(group().count().as("n")), Document.class))
                .singleElement().satisfies(d -> assertThat(d.get("n")).isEqualTo(1));
    }

    @Test
    void updatesCannotRenameOrReplaceTheirWayToAnotherTenant() {
        signIn("fudan.clinician");
        Query any = Query.query(Criteria.where("acronym").is("RE-MS"));
        assertThatThrownBy(() -> documents.updateFirst(any, new Update().rename("acronym", "tenantId"), Study.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> documents.updateFirst(any,
                AggregationUpdate.update().set("tenantId").toValue("lakeside"), Study.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> documents.updateFirst(any, Update.update("_id", "other"), Study.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> documents.updateMulti(any, Update.update("tenantId", "lakeside"), Study.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(documents.count(any, Study.class)).isOne();
    }
}
