package org.researchportal.base.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Acting as the system bypasses nobody's role but one's own, so it is kept to the few places that need it: the demo
 * seed and the audit trail's record of platform acts. Views never use it.
 */
class SystemActorUseTests {

    private static final String[] ALLOWED = {"org.researchportal.base.security..", "org.researchportal.demo..",
            "org.researchportal.audit.."};

    @Test
    void onlyTheSeedAndTheAuditTrailActAsTheSystem() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.researchportal");
        noClasses().that().resideOutsideOfPackages(ALLOWED).should().dependOnClassesThat()
                .areAssignableTo(SystemActor.class).check(classes);
    }

    @Test
    void platformAdministrationIsNeverDoneInsideATenant() {
        assertThatThrownBy(() -> SystemActor.runAs("test", "fudan", Set.of(PortalRole.PLATFORM_ADMIN), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
