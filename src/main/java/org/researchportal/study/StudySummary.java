package org.researchportal.study;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A study as dashboards show it. Arms are listed by name and kind only; which participant is in which arm is the
 * participants module's business, and blinded roles never get it.
 */
public record StudySummary(String id, String acronym, String title, @Nullable String registryId, List<Arm> arms,
        int targetEnrolment, @Nullable String contactPhone, @Nullable String contactEmail) {

    static StudySummary of(Study study) {
        return new StudySummary(study.requireId(), study.getAcronym(), study.getTitle(), study.getRegistryId(),
                study.getArms(), study.getTargetEnrolment(), study.getContactPhone(), study.getContactEmail());
    }
}
