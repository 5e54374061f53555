package org.researchportal.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which portal instance runs a round of scheduled work in a tenant. Several instances share one database and each
 * has its own timers, so a round is a lease in the database: one document per work and tenant, taken by an atomic
 * upsert that matches only when the lease has run out. Whoever loses the race gets a duplicate key and skips the
 * round. A lease that is never given back (an instance stopped mid-round) runs out by itself.
 */
@Component
class SweepRounds {

    static final String COLLECTION = "sweep_rounds";

    private static final Logger LOG = LoggerFactory.getLogger(SweepRounds.class);

    private final MongoOperations mongo;
    private final Clock clock;
    /** This instance, for the log and for giving back only its own lease. */
    private final String instance = UUID.randomUUID().toString().substring(0, 8);

    SweepRounds(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Takes the round for this long if no other instance holds it; answers whether it was taken. */
    boolean take(String purpose, String tenant, Duration holdFor) {
        Instant now = clock.instant();
        Query runOut = Query.query(Criteria.where("_id").is(key(purpose, tenant)).and("until").lte(Date.from(now)));
        try {
            mongo.upsert(runOut, new Update().set("holder", instance).set("takenAt", Date.from(now))
                    .set("until", Date.from(now.plus(holdFor))).inc("taken", 1), COLLECTION);
            LOG.debug("Instance {} took {} in tenant {}", instance, purpose, tenant);
            return true;
        } catch (DuplicateKeyException heldElsewhere) {
            return false;
        }
    }

    /** Gives the round back at once, so the next instance's timer may take it; only if this instance holds it. */
    void giveBack(String purpose, String tenant) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key(purpose, tenant)).and("holder").is(instance)),
                new Update().set("until", Date.from(clock.instant())), COLLECTION);
    }

    private static String key(String purpose, String tenant) {
        return purpose + "/" + tenant;
    }
}
