package org.researchportal.assessments;

/**
 * A score a study's schedule measures, named as its instrument names it (the newest published version's words): e.g.
 * the BPI-SF's pain severity.
 */
public record OutcomeScore(String instrument, Wording instrumentName, String score, Wording name) {

    /** The key a score goes by across the analyses: instrument and score code, e.g. {@code bpi_sf.bpi_severity}. */
    public String key() {
        return instrument + "." + score;
    }
}
