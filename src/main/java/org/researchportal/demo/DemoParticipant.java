package org.researchportal.demo;

import org.jspecify.annotations.Nullable;
import org.researchportal.participants.ParticipantStatus;

/**
 * A plainly fictitious demo participant.
 *
 * @param enrolledDaysAgo days since enrolment, for allocated ones
 * @param account the demo sign-in linked to this participant, if any
 */
record DemoParticipant(String number, String name, ParticipantStatus status, @Nullable String arm,
        int screenedDaysAgo, int enrolledDaysAgo, String language, @Nullable String account) {}
