package org.researchportal.demo;

import de.bwaldvogel.mongo.MongoServer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.researchportal.base.PublicAddress;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.IdentityProperties;
import org.researchportal.quality.EditChecks;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo once, acting as a system actor: the tenants and the platform administrator here, each tenant's
 * content in {@link DemoTenantSeed}; then prints the demo sign-ins and API tokens.
 */
@Component
@ConditionalOnProperty(name = "portal.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String PURPOSE = "demo-seed";

    private final TenantService tenants;
    private final AccountService accounts;
    private final DemoTenantSeed seeds;
    private final DemoCalls calls;
    private final DemoBlindingGuesses blindingGuesses;
    private final EditChecks checks;
    private final StudyService studies;
    private final String password;
    private final boolean identityProviderOwnsAccounts;
    private final ObjectProvider<MongoServer> embeddedStore;
    private final PublicAddress address;

    DemoData(TenantService tenants, AccountService accounts, DemoTenantSeed seeds, DemoCalls calls,
            DemoBlindingGuesses blindingGuesses, EditChecks checks, StudyService studies,
            IdentityProperties settings,
            ObjectProvider<MongoServer> embeddedStore, PublicAddress address) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.seeds = seeds;
        this.calls = calls;
        this.blindingGuesses = blindingGuesses;
        this.checks = checks;
        this.studies = studies;
        this.password = settings.demo().password();
        this.identityProviderOwnsAccounts = settings.identityProviderOwnsAccounts();
        this.embeddedStore = embeddedStore;
        this.address = address;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identityProviderOwnsAccounts || embeddedStore.getIfAvailable() == null) {
            // Demo accounts with a published password must never land in a real database.
            log.warn("Demo data is only for the embedded store with local sign-in; not seeding");
            return;
        }
        List<DemoTenant> demo = List.of(DemoTenants.fudan(), DemoTenants.lakeside());
        SystemActor.runAs(PURPOSE, null, Set.of(PortalRole.PLATFORM_ADMIN), () -> {
            demo.forEach(t -> DemoTenantSeed.ignoreIfPresent(() -> tenants.create(t.code(), t.name(), t.timeZone())));
            // Its Chinese name, for the Chinese-speaking team's screens.
            tenants.nameInChinese("fudan", "复旦大学");
            DemoTenantSeed.ignoreIfPresent(() -> {
                accounts.createPlatformAdministrator(DemoTenants.PLATFORM_ADMIN, "Platform Administrator (demo)",
                        password);
                return null;
            });
        });
        demo.forEach(t -> SystemActor.runAs(PURPOSE, t.code(), EnumSet.of(PortalRole.TENANT_ADMIN,
                PortalRole.CLINICIAN, PortalRole.THERAPIST), () -> seeds.seed(t)));
        demo.forEach(t -> SystemActor.runAs(PURPOSE, t.code(), EnumSet.of(PortalRole.ASSESSOR),
                () -> seeds.seedBaselines(t)));
        // The assessor's guess of the group after each follow-up assessment recorded, as the visit page takes it.
        demo.forEach(t -> SystemActor.runAs(PURPOSE, t.code(), EnumSet.of(PortalRole.ASSESSOR),
                blindingGuesses::seed));
        demo.forEach(t -> SystemActor.runAs(PURPOSE, t.code(), EnumSet.of(PortalRole.TENANT_ADMIN,
                PortalRole.COORDINATOR, PortalRole.CLINICIAN), calls::seed));
        // The standard edit checks, added as the tenant administrator adds them on the edit checks screen.
        demo.forEach(t -> SystemActor.runAs(PURPOSE, t.code(), EnumSet.of(PortalRole.TENANT_ADMIN),
                () -> studies.studies().forEach(s -> checks.addStandard(s.id()))));
        logAccounts(demo);
    }

    private void logAccounts(List<DemoTenant> demo) {
        var lines = new StringBuilder("\n\nDemo sign-ins (embedded default only), password '").append(password)
                .append("':\n");
        lines.append(String.format("  %-22s %s%n", DemoTenants.PLATFORM_ADMIN, "platform administrator"));
        for (DemoTenant tenant : demo) {
            for (DemoAccount a : tenant.accounts()) {
                lines.append(String.format("  %-22s %-32s %s%n", a.username(), tenant.name(),
                        a.roles().stream().sorted().map(Enum::name).toList()));
            }
        }
        lines.append("\nDemo API tokens (clinician role; e.g. curl -H 'Authorization: Bearer <token>'"
                + " ").append(address.base()).append("/api/v1/studies):\n");
        demo.forEach(t -> lines.append(String.format("  %-10s %s%n", t.code(), seeds.demoToken(t))));
        lines.append("\nDemo REDCap API tokens (each for its tenant's study; PyCap, REDCapR or redcapAPI with the URL ")
                .append(address.base()).append("/redcap/api/):\n");
        demo.forEach(t -> {
            for (PortalRole role : List.of(PortalRole.CLINICIAN, PortalRole.ASSESSOR)) {
                lines.append(String.format("  %-10s %-10s %s%n", t.code(), role.name().toLowerCase(
                        java.util.Locale.ROOT), seeds.demoRedcapToken(t, role)));
            }
        });
        log.info("{}", lines);
    }

}
