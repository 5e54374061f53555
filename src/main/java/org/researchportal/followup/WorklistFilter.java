package org.researchportal.followup;

import org.jspecify.annotations.Nullable;

/** Which calls the worklist shows: of one study or all, of one urgency or every open call, mine or everyone's. */
public record WorklistFilter(@Nullable String studyId, @Nullable Urgency urgency, boolean mineOnly) {

    public static final WorklistFilter OPEN = new WorklistFilter(null, null, false);
}
