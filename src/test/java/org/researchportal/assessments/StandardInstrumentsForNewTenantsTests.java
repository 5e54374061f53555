package org.researchportal.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A tenant created by a platform administrator has the standard instruments at once, defined in it (under the
 * production security configuration) by the system with only the administrator's role, and audited there.
 */
class StandardInstrumentsForNewTenantsTests extends PortalTest {

    @Autowired
    TenantService tenants;
    @Autowired
    InstrumentLibrary assessments;
    @Autowired
    InstrumentDesigner designer;
    @Autowired
    AuditTrail audit;
    @Autowired
    MongoOperations mongo;

    @Test
    void aNewTenantHasTheStandardInstruments() {
        String tenantId = "i" + UUID.randomUUID().toString().substring(0, 8);
        signIn("platform.admin");
        tenants.create(tenantId, "Instruments test", "Asia/Shanghai");

        var defined = asSystem(tenantId, EnumSet.of(PortalRole.TENANT_ADMIN), () -> assessments.instruments());
        assertThat(defined).extracting(Instrument::code).containsExactlyInAnyOrder("bpi_sf", "stiffness", "grip",
                "ai_adherence", "qol_demo");
        var trail = asSystem(tenantId, Set.of(PortalRole.TENANT_ADMIN), () -> audit.history("Instrument", "bpi_sf"));
        assertThat(trail).extracting(e -> e.getAction()).containsExactlyInAnyOrder("instrument.draft-saved",
                "instrument.published");
        assertThat(trail).allSatisfy(e -> assertThat(e.getActor()).isEqualTo("system:standard-instruments"));
    }

    @Test
    void anInstitutionCreatedWithoutThemGetsTheMissingOnesOnce() {
        String tenantId = "j" + UUID.randomUUID().toString().substring(0, 8);
        signIn("platform.admin");
        tenants.create(tenantId, "Older tenant", "Asia/Shanghai");
        // As an institution created before new ones were given the instruments: it has only its own grip test.
        mongo.remove(Query.query(Criteria.where("tenantId").is(tenantId).and("code").ne("grip")),
                "instrument_versions");

        var admin = EnumSet.of(PortalRole.TENANT_ADMIN);
        assertThat(asSystem(tenantId, admin, () -> designer.defineStandardInstruments())).isEqualTo(4);
        assertThat(asSystem(tenantId, admin, () -> designer.defineStandardInstruments())).isZero();
        assertThat(asSystem(tenantId, admin, () -> assessments.instruments())).hasSize(5);
    }
}
