package org.researchportal.quality;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dashboard's count of forms waiting for the investigator's signature. The signatures feature is built alongside
 * this dashboard: until it is wired in here (e.g. the size of {@code Signatures.awaiting(studyId)}) the figure is
 * unknown, and the dashboard says so.
 */
@Component
class SignatureFigure {

    Optional<Long> of(String studyId) {
        return Optional.empty();
    }
}
