package org.researchportal.tenancy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.gridfs.GridFsOperations;
import org.springframework.data.repository.Repository;

/**
 * Tenant isolation cannot silently regress: a new way to the database that does not go through the tenancy
 * module's scoping ({@link TenantDocuments}, {@link TenantFiles}) fails this test. The one named exception is the
 * sign-in lookup of an account by username, which by its nature runs before anyone's tenant is known.
 */
class DataAccessPathTests {

    private static final String TENANCY = "org.researchportal.tenancy..";
    /** Finds the account a username belongs to before the tenant is known; it reads and updates accounts only. */
    private static final String SIGN_IN_LOOKUP = "org.researchportal.identity.SignInAccounts";
    /** The embedded store's own health check: it pings the database and reads no document. */
    private static final String STORE_HEALTH = "org.researchportal.base.storage.WireServerHealth";
    private static final String STORE_HEALTH_BEAN = "org.researchportal.base.storage.EmbeddedMongoConfiguration";

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.researchportal");

    @Test
    void onlyTheTenancyModuleTalksToTheDatabase() {
        noClasses().that().resideOutsideOfPackage(TENANCY).and().doNotHaveFullyQualifiedName(SIGN_IN_LOOKUP)
                .and().doNotHaveFullyQualifiedName(STORE_HEALTH).and().doNotHaveFullyQualifiedName(STORE_HEALTH_BEAN)
                .should().dependOnClassesThat().areAssignableTo(MongoOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(GridFsOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(MongoClient.class)
                .orShould().dependOnClassesThat().areAssignableTo(MongoDatabase.class)
                .because("every query must be scoped to the signed-in person's tenant by TenantDocuments")
                .check(PORTAL);
    }

    @Test
    void thereAreNoSpringDataRepositories() {
        // A repository's derived queries would not carry the tenant: documents go through TenantDocuments instead.
        noClasses().should().beAssignableTo(Repository.class).check(PORTAL);
    }

    @Test
    void theRuleWouldCatchANewPath() {
        // The rule itself is not vacuous: the tenancy module does use the database directly.
        assertThat(PORTAL.get(TenantDocuments.class).getDirectDependenciesFromSelf())
                .anyMatch(d -> d.getTargetClass().isAssignableTo(MongoOperations.class));
    }
}
