package org.researchportal.quality;

import java.util.List;

/**
 * Verification against the plan, for a study or a participant: the forms the plan requires that hold data, how many
 * of them are verified, how many were verified and then cleared by a change, and those still to verify (the cleared
 * among them).
 */
public record SdvProgress(int required, int verified, int cleared, int outstanding, List<SdvForm> outstandingForms) {

    public SdvProgress {
        outstandingForms = List.copyOf(outstandingForms);
    }

    /** Verified share of the required forms, 0 to 100 (100 when nothing is required). */
    public int percentVerified() {
        return required == 0 ? 100 : verified * 100 / required;
    }
}
