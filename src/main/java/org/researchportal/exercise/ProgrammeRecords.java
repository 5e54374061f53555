package org.researchportal.exercise;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
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
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The programmes, the manual editions they follow and the weekly check-ins, in the tenant in scope: the reads and
 * writes the exercise services share. Sessions logged are in {@link SessionLogRecords}.
 */
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

    /** The programmes of these participants (those without one are absent). */
    List<Programme> programmesOf(Collection<String> participantIds) {
        return documents.find(Query.query(Criteria.where("participantId").in(participantIds)), Programme.class);
    }

    /** The programmes of these participants of a study, by participant. */
    List<Programme> programmesOf(String studyId, Collection<String> participantIds) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("participantId")
                .in(participantIds)).with(Sort.by("participantId")), Programme.class);
    }

    /** Every programme of a study, by participant. */
    List<Programme> programmesOfStudy(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId)).with(Sort.by("participantId")),
                Programme.class);
    }

    Programme prescribe(Programme programme) {
        return documents.insert(programme);
    }

    /**
     * Replaces a programme's items and notes the change, if the programme is still at the version read; answers
     * whether it was (false: changed meanwhile).
     */
    boolean adjust(Programme programme, List<ProgrammeItem> items, ProgrammeChange change) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(programme.requireId()).and("version")
                .is(programme.getVersion())), new Update().set("items", items).push("changes", change)
                        .inc("version", 1), Programme.class) > 0;
    }

    ExerciseManual manualOf(Programme programme) {
        return documents.getById(programme.getManualId(), ExerciseManual.class);
    }

    /** Stores a new edition of a study's manual; an edition published meanwhile is refused (DuplicateKeyException). */
    ExerciseManual publish(ExerciseManual manual) {
        return documents.insert(manual);
    }

    Optional<ExerciseManual> latestManual(String studyId) {
        return documents.findOne(Query.query(Criteria.where("studyId").is(studyId))
                .with(Sort.by(Sort.Direction.DESC, "edition")), ExerciseManual.class);
    }

    List<CheckInRecord> checkInsOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "weekStart")), WeeklyCheckIn.class).stream()
                .map(WeeklyCheckIn::toRecord).toList();
    }

    /** Whether the participant answered the check-in of the week that starts on this Monday. */
    boolean checkedIn(String participantId, LocalDate weekStart) {
        return documents.exists(Query.query(Criteria.where("participantId").is(participantId).and("weekStart")
                .is(weekStart)), WeeklyCheckIn.class);
    }

    /** Stores a week's check-in; a second one for the same week is refused by the store (DuplicateKeyException). */
    WeeklyCheckIn checkIn(WeeklyCheckIn checkIn) {
        return documents.insert(checkIn);
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
    record Followed(Programme programme, ParticipantRef participant) {}
}
