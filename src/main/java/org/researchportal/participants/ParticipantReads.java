package org.researchportal.participants;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalUser;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The reads the participant services share: a participant's study, their arm's name for the reader, the day they
 * left, counts by status. A plain component (no proxy); each service checks the caller's role itself.
 */
@Component
class ParticipantReads {

    private final TenantDocuments documents;
    private final StudyService studies;

    ParticipantReads(TenantDocuments documents, StudyService studies) {
        this.documents = documents;
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
        return documents.findOne(Query.query(Criteria.where("accountId").is(CurrentUser.require().accountId())),
                Participant.class);
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

    Map<ParticipantStatus, Long> countByStatus(String studyId) {
        Map<ParticipantStatus, Long> counts = new EnumMap<>(ParticipantStatus.class);
        for (ParticipantStatus status : ParticipantStatus.values()) {
            counts.put(status, 0L);
        }
        for (Count count : documents.aggregate(Participant.class,
                List.of(match(Criteria.where("studyId").is(studyId)), group("status").count().as("count")),
                Count.class)) {
            if (count.id() != null) {
                counts.put(ParticipantStatus.valueOf(count.id()), count.count());
            }
        }
        return counts;
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

    /** One row of a {@code $group} count. */
    record Count(@Id @Nullable String id, long count) {
    }

    record StatusArm(String status, @Nullable String armCode) {
    }

    record StatusArmCount(@Id StatusArm id, long count) {
    }
}
