package org.researchportal.participants;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a person stands in a study, from screening to the end of their participation. */
public enum ParticipantStatus {
    SCREENED, ELIGIBLE, NOT_ELIGIBLE, ENROLLED, WITHDRAWN, LOST_TO_FOLLOW_UP;

    /** The statuses that follow enrolment (a candidate who declined is withdrawn too); assessors see these. */
    public static final Set<ParticipantStatus> AFTER_ENROLMENT = EnumSet.of(ENROLLED, WITHDRAWN,
            LOST_TO_FOLLOW_UP);

    public String messageKey() {
        return "participant.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
