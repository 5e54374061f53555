package org.researchportal.quality;

/** What a signature covers of one participant. */
public enum SignatureScope {
    /** Every instrument recorded at one timepoint. */
    TIMEPOINT,
    /** Every adverse event reported for the participant. */
    ADVERSE_EVENTS;

    public String messageKey() {
        return "signature.scope." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
