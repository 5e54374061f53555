package org.researchportal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The top-level packages are Spring Modulith modules: no cycles, no reaching into another module's internals.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * Messaging sends for every other module, so it must not lean on them: what is due, the study names and the
     * alerts come through interfaces and operations messaging declares, not through imports of their modules.
     */
    @Test
    void messagingLeansOnAtMostFiveModules() {
        ApplicationModule messaging = modules.getModuleByName("messaging").orElseThrow();
        var dependencies = messaging.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName)
                .sorted().toList();
        assertThat(dependencies).as("the modules messaging depends on").hasSizeLessThanOrEqualTo(5)
                .doesNotContain("assessments", "exercise", "followup", "study");
    }

    @Test
    void documentsTheModules() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
