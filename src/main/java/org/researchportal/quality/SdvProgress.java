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

    /** Counts a list of forms (a study's or a participant's) against the plan they were judged by. */
    public static SdvProgress of(List<SdvForm> forms) {
        List<SdvForm> required = forms.stream().filter(SdvForm::required).toList();
        int verified = (int) required.stream().filter(f -> f.state() == VerificationState.VERIFIED).count();
        int cleared = (int) required.stream().filter(f -> f.state() == VerificationState.CLEARED).count();
        List<SdvForm> outstanding = required.stream().filter(f -> f.state() != VerificationState.VERIFIED).toList();
        return new SdvProgress(required.size(), verified, cleared, outstanding.size(), outstanding);
    }

    /** Verified share of the required forms, 0 to 100 (100 when nothing is required). */
    public int percentVerified() {
        return required == 0 ? 100 : verified * 100 / required;
    }
}
