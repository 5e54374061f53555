package org.researchportal.base.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Acting as the system bypasses nobody's role but one's own, so it is kept to the few places that need it: the demo
 * seed, the audit trail's record of platform acts, and the daily sweeps no person starts. Views never use it.
 */
class SystemActorUseTests {

    private static final String[] ALLOWED = {"org.researchportal.base.security..", "org.researchportal.demo..",
            "org.researchportal.audit.."};
    /** The one door for work that runs on a schedule in every tenant, named, so another is a decision read here. */
    private static final String SWEEP = "org.researchportal.tenancy.TenantSweeps";

    @Test
    void onlyTheSeedTheAuditTrailAndTheSweepsActAsTheSystem() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.researchportal");
        noClasses().that().resideOutsideOfPackages(ALLOWED).and().doNotHaveFullyQualifiedName(SWEEP).should()
                .dependOnClassesThat().areAssignableTo(SystemActor.class).check(classes);
    }

    @Test
    void platformAdministrationIsNeverDoneInsideATenant() {
        assertThatThrownBy(() -> SystemActor.runAs("test", "fudan", Set.of(PortalRole.PLATFORM_ADMIN), () -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
