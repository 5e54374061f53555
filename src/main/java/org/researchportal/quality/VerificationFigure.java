package org.researchportal.quality;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dashboard's source-data verification figure. The verification feature is built alongside this dashboard: until
 * it is wired in here (e.g. {@code SourceVerification.progress(studyId)}) the figure is unknown, and the dashboard
 * says so.
 */
@Component
class VerificationFigure {

    Optional<MonitorFigures.VerificationProgress> of(String studyId) {
        return Optional.empty();
    }
}
