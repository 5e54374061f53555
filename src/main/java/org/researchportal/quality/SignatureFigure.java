package org.researchportal.quality;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** The dashboard's count of what waits for the investigator's signature (timepoints and adverse events). */
@Component
class SignatureFigure {

    private final Signatures signatures;

    SignatureFigure(Signatures signatures) {
        this.signatures = signatures;
    }

    Optional<Long> of(String studyId) {
        return Optional.of((long) signatures.awaiting(studyId).size());
    }
}
