package org.researchportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The top-level packages are Spring Modulith modules: no cycles, no reaching into another module's internals. The
 * module diagrams in {@code docs/modules} are what the Documenter draws from the code: run with
 * {@code -Dmodule-diagrams.write=true} to draw them again.
 */
class ModularityTests {

    private static final Path DIAGRAMS = Path.of("docs", "modules");
    private static final String REGENERATE = "./mvnw test -Dtest=ModularityTests -Dmodule-diagrams.write=true";

    private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * Messaging sends for every other module, so it must not lean on them: what is due, the study names and the
     * alerts come through interfaces and operations messaging declares, not through imports of their modules. The
     * study's questionnaire settings (reminder days, how a link checks who answers) it reads from the study module
     * (issue 22: study depends on nothing of messaging's, so no cycle).
     */
    @Test
    void messagingLeansOnAtMostSixModules() {
        ApplicationModule messaging = modules.getModuleByName("messaging").orElseThrow();
        var dependencies = messaging.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName)
                .sorted().toList();
        assertThat(dependencies).as("the modules messaging depends on").hasSizeLessThanOrEqualTo(6)
                .doesNotContain("assessments", "exercise", "followup");
    }

    @Test
    void theCommittedModuleDiagramsAreCurrent() throws IOException {
        boolean write = Boolean.getBoolean("module-diagrams.write");
        Path folder = write ? DIAGRAMS : Path.of("target", "module-diagrams");
        // The Documenter empties its folder first, so a diagram of a module that is gone does not stay behind.
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        sortElements(folder);
        assertThat(contents(DIAGRAMS)).as("docs/modules is out of date: regenerate it with `" + REGENERATE
                + "` and read the difference").isEqualTo(contents(folder));
    }

    /**
     * The Documenter lists a diagram's modules and relationships in no fixed order (they come from hash sets):
     * sorted, a committed diagram changes only when the modules do.
     */
    private static void sortElements(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                List<String> sorted = new ArrayList<>();
                for (int from = 0; from < lines.size();) {
                    String kind = element(lines.get(from));
                    int to = from + 1;
                    while (kind != null && to < lines.size() && kind.equals(element(lines.get(to)))) {
                        to++;
                    }
                    lines.subList(from, to).stream().sorted().forEach(sorted::add);
                    from = to;
                }
                Files.write(file, sorted, StandardCharsets.UTF_8);
            }
        }
    }

    /** "Rel(" or "Component(" for a line that draws one, else null. */
    private static @Nullable String element(String line) {
        String trimmed = line.strip();
        return Stream.of("Rel(", "Component(").filter(trimmed::startsWith).findFirst().orElse(null);
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return contents;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return contents;
    }
}
