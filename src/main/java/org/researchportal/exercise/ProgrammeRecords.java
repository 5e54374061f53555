package org.researchportal.exercise;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.base.NotFoundException;
import org.researchportal.participants.ParticipantRef;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The reads of programmes, manuals, session logs and check-ins that the exercise services share. */
@Component
class ProgrammeRecords {

    private final TenantDocuments documents;
    private final ExerciseArm arm;

    ProgrammeRecords(TenantDocuments documents, ExerciseArm arm) {
        this.documents = documents;
        this.arm = arm;
    }

    /** Weeks run Monday to Sunday, as the programme's weekly schedule does. */
    static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    Optional<Programme> findProgramme(String participantId) {
        return documents.findOne(Query.query(Criteria.where("participantId").is(participantId)), Programme.class);
    }

    Programme programme(String participantId) {
        return findProgramme(participantId).orElseThrow(() -> new NotFoundException("Programme", participantId));
    }

    ExerciseManual manualOf(Programme programme) {
        return documents.getById(programme.getManualId(), ExerciseManual.class);
    }

    Optional<ExerciseManual> latestManual(String studyId) {
        return documents.findOne(Query.query(Criteria.where("studyId").is(studyId))
                .with(Sort.by(Sort.Direction.DESC, "edition")), ExerciseManual.class);
    }

    List<SessionRecord> sessionsOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "date", "loggedAt")), SessionLog.class).stream()
                .map(SessionLog::toRecord).toList();
    }

    /** A participant's earliest sessions, oldest first. */
    List<SessionRecord> firstSessions(String participantId, int count) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by("date", "loggedAt")).limit(count), SessionLog.class).stream()
                .map(SessionLog::toRecord).toList();
    }

    List<CheckInRecord> checkInsOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "weekStart")), WeeklyCheckIn.class).stream()
                .map(WeeklyCheckIn::toRecord).toList();
    }

    /**
     * Every programme of the tenant whose participant is in the exercise arm, with that participant: the programmes
     * in one read and their participants in another, not one query per programme.
     */
    List<Followed> followedProgrammes() {
        List<Programme> programmes = documents.find(new Query(), Programme.class);
        if (programmes.isEmpty()) {
            return List.of();
        }
        Map<String, ParticipantRef> refs = new HashMap<>();
        arm.participants(programmes.stream().map(Programme::getParticipantId).distinct().toList())
                .forEach(p -> refs.put(p.id(), p));
        List<Followed> followed = new ArrayList<>();
        for (Programme programme : programmes) {
            ParticipantRef participant = refs.get(programme.getParticipantId());
            if (participant != null) {
                followed.add(new Followed(programme, participant));
            }
        }
        return followed;
    }

    /** A programme and the exercise-arm participant who follows it. */
    record Followed(Programme programme, ParticipantRef participant) {
    }
}
