package org.researchportal.assessments;

import java.time.Instant;
import java.util.Locale;

/**
 * A timepoint recorded as not assessed: missed (the participant did not come) or not done (the visit happened, the
 * assessment could not be made). It leaves the worklist, and exports tell it apart from a visit not yet due.
 */
public record MissedVisitRecord(String id, String participantId, String timepoint, Kind kind, String reason,
        String recordedBy, Instant recordedAt) {

    public enum Kind {
        MISSED, NOT_DONE;

        public String messageKey() {
            return "assessment.missed." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** As exports carry it. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
