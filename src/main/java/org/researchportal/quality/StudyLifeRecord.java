package org.researchportal.quality;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a study is in its life and who moved it there, when and why; a study never moved has none of those (it is
 * recruiting, as studies were before stages).
 *
 * @param changedBy the name of the person who made the last move
 */
public record StudyLifeRecord(StudyStage stage, @Nullable Instant changedAt, @Nullable String changedBy,
        @Nullable String reason) {}
