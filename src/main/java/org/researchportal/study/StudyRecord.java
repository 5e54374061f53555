package org.researchportal.study;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The editable record of a study, as the tenant administrator enters it.
 *
 * @param version the version the record was read at ({@code null} for a new study), for optimistic locking
 */
public record StudyRecord(String acronym, String title, @Nullable String registryId, List<Arm> arms,
        int targetEnrolment, @Nullable String contactPhone, @Nullable String contactEmail, @Nullable Long version) {}
