package org.researchportal.participants;

import java.util.Map;

/**
 * Enrolment of one study for unblinded staff: participants by status and by arm, against the target.
 *
 * @param byArm arm name to the number of participants allocated to it (withdrawn ones included)
 */
public record StudyProgress(Map<ParticipantStatus, Long> byStatus, Map<String, Long> byArm, long enrolled,
        int target) {}
