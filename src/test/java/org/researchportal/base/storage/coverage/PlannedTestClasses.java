package org.researchportal.base.storage.coverage;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Remembers which test classes this JVM's run planned, so the coverage check knows whether it saw the whole suite
 * (only then is an allow-list entry that nothing matched stale). Registered through META-INF/services.
 */
public final class PlannedTestClasses implements TestExecutionListener {

    private static final Set<String> PLANNED = new ConcurrentSkipListSet<>();

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier child : plan.getChildren(root)) {
                child.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                        .ifPresent(source -> PLANNED.add(source.getClassName()));
            }
        }
    }

    static Set<String> planned() {
        return Set.copyOf(PLANNED);
    }
}
