package org.researchportal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The demo is seeded once: running the seed again (a restart, or a seed interrupted half-way) adds nothing twice. */
class DemoDataTests extends PortalTest {

    @Autowired
    DemoData demo;
    @Autowired
    MongoOperations mongo;

    private long count(String collection, String tenant) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), collection);
    }

    @Test
    void seedingAgainCreatesNoDuplicates() {
        long fudanParticipants = count("participants", "fudan");
        long lakesideStudies = count("studies", "lakeside");
        assertThat(fudanParticipants).isGreaterThanOrEqualTo(12);
        assertThat(lakesideStudies).isEqualTo(1);
        assertThat(count("participants", "lakeside")).isGreaterThanOrEqualTo(6);

        demo.run(new DefaultApplicationArguments());

        assertThat(count("participants", "fudan")).isEqualTo(fudanParticipants);
        assertThat(count("studies", "lakeside")).isEqualTo(lakesideStudies);
        assertThat(mongo.count(Query.query(Criteria.where("username").is("platform.admin")), "accounts")).isOne();
        assertThat(mongo.count(new Query(), "tenants")).isGreaterThanOrEqualTo(2);
    }
}
