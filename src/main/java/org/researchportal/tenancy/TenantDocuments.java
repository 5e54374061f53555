package org.researchportal.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one way to read and write tenant-owned documents. The tenant comes from the signed-in person (never from the
 * caller); every query gets it added, every write gets it stamped, and nothing runs without one. A document of
 * another tenant is simply not found. Modules keep their own small repositories on top of this, never a raw
 * {@link MongoOperations}.
 */
@Component
public class TenantDocuments {

    public static final String TENANT_FIELD = "tenantId";

    private static final Set<String> SAFE_STAGES = Set.of("$match", "$group", "$sort", "$project", "$unwind", "$skip",
            "$limit", "$count");

    private final MongoOperations mongo;

    TenantDocuments(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The tenant in scope: the signed-in person's. */
    public String currentTenantId() {
        return CurrentUser.get().map(PortalUser::tenantId).orElseThrow(NoTenantInScopeException::new);
    }

    public <T extends TenantOwnedDocument> Optional<T> findById(String id, Class<T> type) {
        return findOne(Query.query(Criteria.where("_id").is(id)), type);
    }

    /** The document with this id in the current tenant, or {@link NotFoundException}. */
    public <T extends TenantOwnedDocument> T getById(String id, Class<T> type) {
        return findById(id, type).orElseThrow(() -> new NotFoundException(type.getSimpleName(), id));
    }

    public <T extends TenantOwnedDocument> Optional<T> findOne(Query query, Class<T> type) {
        return Optional.ofNullable(mongo.findOne(scoped(query), type));
    }

    public <T extends TenantOwnedDocument> List<T> find(Query query, Class<T> type) {
        return mongo.find(scoped(query), type);
    }

    /**
     * One page of results without counting them all: grids page lazily, and a Slice needs one extra row rather than
     * a count over the whole collection.
     */
    public <T extends TenantOwnedDocument> Slice<T> slice(Query query, Pageable pageable, Class<T> type) {
        Query paged = scoped(query).with(pageable);
        if (pageable.isPaged()) {
            paged.limit(pageable.getPageSize() + 1);
        }
        List<T> rows = new ArrayList<>(mongo.find(paged, type));
        boolean hasNext = pageable.isPaged() && rows.size() > pageable.getPageSize();
        if (hasNext) {
            rows.removeLast();
        }
        return new SliceImpl<>(rows, pageable, hasNext);
    }

    public <T extends TenantOwnedDocument> long count(Query query, Class<T> type) {
        return mongo.count(scoped(query), type);
    }

    public <T extends TenantOwnedDocument> boolean exists(Query query, Class<T> type) {
        return mongo.exists(scoped(query), type);
    }

    /** Stores a new document in the current tenant. */
    public <T extends TenantOwnedDocument> T insert(T document) {
        String tenantId = currentTenantId();
        if (document.getId() != null || document.getTenantId() != null) {
            throw new IllegalArgumentException("insert() takes a new document; use save() for a stored one");
        }
        document.assignTenant(tenantId);
        return mongo.insert(document);
    }

    /**
     * Stores a new document in a tenant named by a platform administrator's act on that tenant (creating, editing or
     * suspending it, appointing its first administrator). Platform administrators belong to no tenant, so there is no
     * signed-in tenant to take; the tenant they act on is the one they chose on the platform's own screen. Nobody
     * else may name a tenant: a person of a tenant, or the system acting in one, is refused.
     */
    public <T extends TenantOwnedDocument> T insertInto(String tenantId, T document) {
        PortalUser user = CurrentUser.get().orElseThrow(NoTenantInScopeException::new);
        if (user.tenantId() != null || !user.hasRole(PortalRole.PLATFORM_ADMIN)) {
            throw new AccessDeniedException("Only a platform administrator names the tenant they act on");
        }
        if (document.getId() != null || document.getTenantId() != null) {
            throw new IllegalArgumentException("insertInto() takes a new document");
        }
        document.assignTenant(tenantId);
        return mongo.insert(document);
    }

    /**
     * Stores a changed document. It must already belong to the current tenant: an id of another tenant answers
     * {@link NotFoundException} and writes nothing. Optimistic locking applies through the version.
     */
    public <T extends TenantOwnedDocument> T save(T document) {
        String tenantId = currentTenantId();
        String id = document.getId();
        if (id == null) {
            return insert(document);
        }
        if (!Objects.equals(document.getTenantId(), tenantId)
                || !mongo.exists(Query.query(Criteria.where("_id").is(id).and(TENANT_FIELD).is(tenantId)),
                        document.getClass())) {
            throw new NotFoundException(document.getClass().getSimpleName(), id);
        }
        return mongo.save(document);
    }

    /**
     * The tenants holding a document of this type whose field equals the value. The one lookup across tenants, for
     * callers that arrive without a person (a provider's webhook names its account and nothing else); it answers
     * tenant ids only, and the caller then works inside that tenant as usual.
     */
    public <T extends TenantOwnedDocument> List<String> tenantsWith(Class<T> type, String field, String value) {
        if (TENANT_FIELD.equals(field) || "_id".equals(field)) {
            throw new IllegalArgumentException("Look tenants up by a field of the document, not by " + field);
        }
        return mongo.findDistinct(Query.query(Criteria.where(field).is(value)), TENANT_FIELD, type, String.class);
    }

    /** A single-document atomic update within the current tenant; answers how many documents matched (0 or 1). */
    public <T extends TenantOwnedDocument> long updateFirst(Query query, UpdateDefinition update, Class<T> type) {
        guardUpdate(update);
        return mongo.updateFirst(scoped(query), update, type).getMatchedCount();
    }

    /**
     * Updates every matching document of the current tenant; answers how many matched. Each document's update is
     * atomic on its own (the filter is checked again as it is written), so a filter on a document's state claims each
     * document for one caller only.
     */
    public <T extends TenantOwnedDocument> long updateMulti(Query query, UpdateDefinition update, Class<T> type) {
        guardUpdate(update);
        return mongo.updateMulti(scoped(query), update, type).getMatchedCount();
    }

    /** Deletes the matching documents of the current tenant (records that served their purpose, never clinical data). */
    public <T extends TenantOwnedDocument> long remove(Query query, Class<T> type) {
        return mongo.remove(scoped(query), type).getDeletedCount();
    }

    public <T extends TenantOwnedDocument> @Nullable T findAndModify(Query query, UpdateDefinition update,
            FindAndModifyOptions options, Class<T> type) {
        guardUpdate(update);
        return mongo.findAndModify(scoped(query), update, options, type);
    }

    /**
     * An aggregation over one collection of the current tenant: the tenant match is always the first stage. Only
     * stages that stay inside that collection's matched documents are allowed ($match, $group, $sort, $project,
     * $unwind, $skip, $limit, $count): $lookup, $unionWith or $graphLookup would read other collections unscoped, and
     * $out or $merge would write.
     */
    public <O> List<O> aggregate(Class<? extends TenantOwnedDocument> input, List<AggregationOperation> stages,
            Class<O> output) {
        for (AggregationOperation stage : stages) {
            if (!SAFE_STAGES.contains(stage.getOperator())) {
                throw new IllegalArgumentException("Aggregation stage " + stage.getOperator()
                        + " could reach beyond the tenant's documents");
            }
        }
        List<AggregationOperation> all = new ArrayList<>(stages.size() + 1);
        all.add(Aggregation.match(Criteria.where(TENANT_FIELD).is(currentTenantId())));
        all.addAll(stages);
        return mongo.aggregate(Aggregation.newAggregation(all), input, output).getMappedResults();
    }

    private Query scoped(Query query) {
        if (query.getQueryObject().containsKey(TENANT_FIELD)) {
            throw new IllegalArgumentException("Queries never name the tenant: TenantDocuments adds it");
        }
        return Query.of(query).addCriteria(Criteria.where(TENANT_FIELD).is(currentTenantId()));
    }

    /**
     * A document's tenant never changes. Only plain {@link Update}s are taken (a pipeline update could replace the
     * whole document), and no $rename, whose target {@code modifies()} would not report.
     */
    private static void guardUpdate(UpdateDefinition update) {
        if (!(update instanceof Update plain) || plain.getUpdateObject().containsKey("$rename")
                || update.modifies(TENANT_FIELD) || update.modifies("_id")) {
            throw new IllegalArgumentException("Updates may not touch a document's tenant or id");
        }
    }
}
