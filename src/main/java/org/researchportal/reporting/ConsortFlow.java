package org.researchportal.reporting;

import java.util.List;
import java.util.Locale;

/**
 * A study's CONSORT flow as of now: enrolment (assessed, excluded with reasons, randomised), then per arm allocation,
 * follow-up and analysis. Candidates judged eligible but not randomised yet are not excluded: CONSORT 2010 shows them
 * on their own ("not yet randomised") while a trial recruits.
 *
 * @param notMeetingCriteria each criterion that excluded candidates, in the study's order, with how many it excluded
 */
public record ConsortFlow(long assessed, long awaitingAssessment, long notEligible,
        List<Exclusion> notMeetingCriteria, long declined, long awaitingRandomisation, long randomised,
        List<ArmFlow> arms) {

    /**
     * @param analysed allocated participants with outcome data after baseline
     */
    public record ArmFlow(String arm, long allocated, long lostToFollowUp, long discontinued, long analysed) {}

    /**
     * A criterion that excluded candidates, named as the study words it in English and Chinese.
     *
     * @param inclusion an inclusion criterion not met, rather than an exclusion criterion met
     */
    public record Exclusion(String code, boolean inclusion, String text, String textZh, long count) {

        public String text(Locale locale) {
            return locale.getLanguage().equals("zh") && !textZh.isBlank() ? textZh : text;
        }
    }

    /** Those not randomised because they were not eligible or declined; those still awaiting it are not among them. */
    public long excluded() {
        return notEligible + declined;
    }
}
