package org.researchportal.quality;

import java.util.List;
import org.springframework.stereotype.Component;

/** A study's database is not locked while data waits for the investigator's signature. */
@Component
class SignaturesLockCheck implements DatabaseLockCheck {

    private final Signatures signatures;

    SignaturesLockCheck(Signatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public List<LockBlocker> blockers(String studyId) {
        return signatures.awaiting(studyId).stream().map(a -> new LockBlocker(a.timepoint() == null
                ? "signature.blocker.adverse-events" : "signature.blocker.timepoint",
                a.timepoint() == null ? List.of(a.studyNumber() == null ? "" : a.studyNumber())
                        : List.of(a.studyNumber() == null ? "" : a.studyNumber(), a.timepoint()),
                a.participantId())).toList();
    }
}
