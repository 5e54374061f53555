package org.researchportal.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The verification plan must be complete before the database is locked: each participant with required forms not
 * verified (never, or cleared by a change since) blocks it. Locks on forms play no part here.
 */
@Component
class VerificationLockCheck implements DatabaseLockCheck {

    private final SourceVerification verification;

    VerificationLockCheck(SourceVerification verification) {
        this.verification = verification;
    }

    @Override
    public List<LockBlocker> blockers(String studyId) {
        Map<String, List<SdvForm>> byParticipant = new LinkedHashMap<>();
        verification.progress(studyId).outstandingForms()
                .forEach(f -> byParticipant.computeIfAbsent(f.form().participantId(), k -> new ArrayList<>()).add(f));
        List<LockBlocker> blockers = new ArrayList<>();
        byParticipant.forEach((participantId, forms) -> blockers.add(new LockBlocker("sdv.blocker.outstanding",
                List.of(forms.getFirst().studyNumber() == null ? "" : forms.getFirst().studyNumber(), forms.size(),
                        forms.stream().filter(f -> f.state() == VerificationState.CLEARED).count()),
                participantId)));
        return blockers;
    }
}
