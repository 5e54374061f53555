package org.researchportal.participants;

import java.util.Locale;

/** Where a person stands in a study, from screening to the end of their participation. */
public enum ParticipantStatus {
    SCREENED, ELIGIBLE, NOT_ELIGIBLE, ENROLLED, WITHDRAWN;

    public String messageKey() {
        return "participant.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
