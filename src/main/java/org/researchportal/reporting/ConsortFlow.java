package org.researchportal.reporting;

import java.util.List;
import java.util.Map;

/**
 * A study's CONSORT flow as of now: enrolment (assessed, excluded with reasons, randomised), then per arm allocation,
 * follow-up and analysis.
 *
 * @param notMeetingCriteria criterion code to the number of candidates it excluded
 */
public record ConsortFlow(long assessed, long awaitingAssessment, long notEligible,
        Map<String, Long> notMeetingCriteria, long declined, long awaitingRandomisation, long randomised,
        List<ArmFlow> arms) {

    /**
     * @param analysed allocated participants with outcome data after baseline
     */
    public record ArmFlow(String arm, long allocated, long lostToFollowUp, long discontinued, long analysed) {
    }

    public long excluded() {
        return notEligible + declined + awaitingRandomisation;
    }
}
