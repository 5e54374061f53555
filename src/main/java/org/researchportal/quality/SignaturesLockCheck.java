package org.researchportal.quality;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.springframework.stereotype.Component;

/** A study's database is not locked while data waits for the investigator's signature. */
@Component
class SignaturesLockCheck implements DatabaseLockCheck {

    private final Signatures signatures;
    private final StudyService studies;

    SignaturesLockCheck(Signatures signatures, StudyService studies) {
        this.signatures = signatures;
        this.studies = studies;
    }

    /** Each timepoint by its name in the reader's language, as the schedule names it. */
    @Override
    public List<LockBlocker> blockers(String studyId) {
        Locale reader = CurrentUser.require().locale();
        Map<String, String> labels = studies.schedule(studyId).stream().collect(Collectors.toMap(Timepoint::code,
                t -> reader.getLanguage().equals("zh") && !t.labelZh().isBlank() ? t.labelZh() : t.label()));
        return signatures.awaiting(studyId).stream().map(a -> new LockBlocker(a.timepoint() == null
                ? "signature.blocker.adverse-events" : "signature.blocker.timepoint",
                a.timepoint() == null ? List.of(a.studyNumber() == null ? "" : a.studyNumber())
                        : List.of(a.studyNumber() == null ? "" : a.studyNumber(), labels.getOrDefault(a.timepoint(),
                                a.timepoint())),
                a.participantId())).toList();
    }
}
