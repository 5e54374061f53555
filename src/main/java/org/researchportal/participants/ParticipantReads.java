package org.researchportal.participants;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalUser;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.stereotype.Component;

/**
 * The reads the participant services share: a participant's study, their arm's name for the reader, the day they
 * left. A plain component (no proxy); each service checks the caller's role itself.
 */
@Component
class ParticipantReads {

    private final ParticipantRecords records;
    private final StudyService studies;

    ParticipantReads(ParticipantRecords records, StudyService studies) {
        this.records = records;
        this.studies = studies;
    }

    StudySummary requireStudy(String studyId) {
        return studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
    }

    Optional<StudySummary> study(String studyId) {
        return studies.study(studyId);
    }

    /** The signed-in participant's own record. */
    Optional<Participant> mine() {
        return records.ofAccount(CurrentUser.require().accountId());
    }

    ParticipantRef ref(Participant p) {
        return ref(p, studies.study(p.getStudyId()));
    }

    static ParticipantRef ref(Participant p, Optional<StudySummary> study) {
        ArmKind kind = study.flatMap(s -> s.arms().stream()
                .filter(a -> a.code().equals(p.getArmCode())).findFirst()).map(Arm::kind).orElse(null);
        return new ParticipantRef(p.requireId(), p.getStudyId(), p.getStudyNumber(), p.getDisplayName(),
                p.getStatus(), kind, p.getTimeZone(), leftOn(p));
    }

    /** The day a participant left: withdrawal's date, or the date they were recorded lost to follow-up. */
    static @Nullable LocalDate leftOn(Participant p) {
        return switch (p.getStatus()) {
            case WITHDRAWN -> p.getWithdrawnOn();
            case LOST_TO_FOLLOW_UP -> p.getStatusChanges().stream()
                    .filter(c -> c.status() == ParticipantStatus.LOST_TO_FOLLOW_UP)
                    .map(StatusChange::effectiveOn).reduce((first, last) -> last).orElse(null);
            default -> null;
        };
    }

    static @Nullable String armName(StudySummary study, @Nullable String armCode) {
        if (armCode == null) {
            return null;
        }
        return study.arms().stream().filter(a -> a.code().equals(armCode)).map(ParticipantReads::nameForReader)
                .findFirst().orElse(armCode);
    }

    /** An arm's name in the language of the person reading (its Chinese name on Chinese screens). */
    static String nameForReader(Arm arm) {
        return arm.name(CurrentUser.get().map(PortalUser::locale).orElse(Locale.ENGLISH));
    }
}
