package org.researchportal.exercise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.participants.ParticipantRef;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** The signed-in participant's own programme: the manual edition it follows, today's plan and their sessions. */
@Service
public class ParticipantProgramme {

    private final SessionLogRecords sessions;
    private final ExerciseArm arm;
    private final ProgrammeRecords records;
    private final TenantDocuments documents;
    private final ClinicalRecordLocks locks;
    private final Clock clock;

    ParticipantProgramme(SessionLogRecords sessions, ExerciseArm arm, ProgrammeRecords records,
            TenantDocuments documents, ClinicalRecordLocks locks, Clock clock) {
        this.sessions = sessions;
        this.arm = arm;
        this.records = records;
        this.documents = documents;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * Notes that the signed-in participant of the exercise arm opened her manual, for the report of fidelity. Like
     * the videos she watched it counts toward adherence, which a locked database holds as it was: refused then.
     */
    @Secured(Authorities.PARTICIPANT)
    public void noteManualOpened() {
        ParticipantRef me = arm.requireMe();
        locks.requireStudyOpen(me.studyId());
        var now = clock.instant();
        documents.findAndModify(Query.query(Criteria.where("participantId").is(me.id())), new Update()
                .setOnInsert("studyId", me.studyId()).setOnInsert("firstOpenedAt", now).set("lastOpenedAt", now)
                .inc("opens", 1), FindAndModifyOptions.options().upsert(true), ManualReading.class);
    }

    /** The whole manual for a participant of the exercise arm (the edition their programme follows). */
    @Secured(Authorities.PARTICIPANT)
    public ExerciseManual myManual() {
        Programme programme = records.programme(arm.requireMe().id());
        return records.manualOf(programme);
    }

    /** The signed-in participant's programme with the manual edition it follows (exercise arm only). */
    @Secured(Authorities.PARTICIPANT)
    public OwnProgramme myProgramme() {
        ParticipantRef me = arm.requireMe();
        Programme programme = records.programme(me.id());
        return new OwnProgramme(me, programme, records.manualOf(programme));
    }

    /** Today's exercises for the signed-in participant of the exercise arm. */
    @Secured(Authorities.PARTICIPANT)
    public TodayPlan myToday() {
        ParticipantRef me = arm.requireMe();
        Programme programme = records.programme(me.id());
        ExerciseManual manual = records.manualOf(programme);
        LocalDate today = arm.today(me);
        boolean logged = sessions.loggedOn(me.id(), today);
        List<TodayPlan.PlannedExercise> planned = programme.getItems().stream().map(i -> manual.exercise(i.exercise())
                .map(e -> new TodayPlan.PlannedExercise(e, i.dosage(), i.level()))).flatMap(Optional::stream)
                .toList();
        return new TodayPlan(today, programme.isProgrammeDay(today), planned, logged);
    }

    @Secured(Authorities.PARTICIPANT)
    public List<SessionRecord> myHistory() {
        return sessions.sessionsOf(arm.requireMe().id());
    }

    /** Whether the signed-in participant follows an exercise programme (false: standard guidance only). */
    @Secured(Authorities.PARTICIPANT)
    public boolean followsProgramme() {
        return arm.me().isPresent();
    }
}
