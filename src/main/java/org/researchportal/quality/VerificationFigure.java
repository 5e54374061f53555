package org.researchportal.quality;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** The dashboard's source-data verification figure: the plan's required forms, and how many are verified. */
@Component
class VerificationFigure {

    private final SourceVerification verification;

    VerificationFigure(SourceVerification verification) {
        this.verification = verification;
    }

    Optional<MonitorFigures.VerificationProgress> of(String studyId) {
        SdvProgress progress = verification.progress(studyId);
        return Optional.of(new MonitorFigures.VerificationProgress(progress.verified(), progress.required()));
    }
}
