package org.researchportal.exercise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The exercise sessions participants logged, in the tenant in scope: logging them and the reads the services share. */
@Component
class SessionLogRecords {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "date", "loggedAt");

    private final TenantDocuments documents;

    SessionLogRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    SessionLog log(SessionLog session) {
        return documents.insert(session);
    }

    /** A participant's sessions, the latest first. */
    List<SessionRecord> sessionsOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId)).with(NEWEST_FIRST),
                SessionLog.class).stream().map(SessionLog::toRecord).toList();
    }

    /** A participant's earliest sessions, oldest first. */
    List<SessionRecord> firstSessions(String participantId, int count) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by("date", "loggedAt")).limit(count), SessionLog.class).stream()
                .map(SessionLog::toRecord).toList();
    }

    Optional<SessionRecord> latestSession(String participantId) {
        return documents.findOne(Query.query(Criteria.where("participantId").is(participantId)).with(NEWEST_FIRST),
                SessionLog.class).map(SessionLog::toRecord);
    }

    boolean loggedOn(String participantId, LocalDate day) {
        return documents.exists(Query.query(Criteria.where("participantId").is(participantId).and("date").is(day)),
                SessionLog.class);
    }

    /** A participant's sessions of the week that starts on this Monday. */
    List<SessionRecord> sessionsInWeek(String participantId, LocalDate weekStart) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId).and("date")
                .gte(weekStart).lt(weekStart.plusDays(7))), SessionLog.class).stream()
                .map(SessionLog::toRecord).toList();
    }

    /** The weeks (by their Monday) from the given Monday on in which a participant logged a session, in one read. */
    Set<LocalDate> weeksWithSessions(String participantId, LocalDate fromWeek) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId).and("date")
                .gte(fromWeek)), SessionLog.class).stream().map(log -> ProgrammeRecords.weekStart(log.getDate()))
                .collect(Collectors.toSet());
    }

    /** The sessions of these participants dated after the given day, by participant, each the latest first. */
    Map<String, List<SessionRecord>> sessionsAfter(Collection<String> participantIds, LocalDate after) {
        Map<String, List<SessionRecord>> sessions = new HashMap<>();
        documents.find(Query.query(Criteria.where("participantId").in(participantIds).and("date").gt(after))
                .with(NEWEST_FIRST), SessionLog.class)
                .forEach(log -> sessions.computeIfAbsent(log.getParticipantId(), id -> new ArrayList<>())
                        .add(log.toRecord()));
        return sessions;
    }

    /** The latest session of each of these participants (those who never logged one are absent), in one read. */
    Map<String, LastSession> latestSessions(Collection<String> participantIds) {
        Map<String, LastSession> latest = new HashMap<>();
        if (participantIds.isEmpty()) {
            return latest;
        }
        documents.aggregate(SessionLog.class, List.of(
                Aggregation.match(Criteria.where("participantId").in(participantIds)),
                Aggregation.sort(NEWEST_FIRST),
                Aggregation.group("participantId").first("date").as("date").first("painBefore").as("painBefore")
                        .first("painAfter").as("painAfter")), LastSession.class)
                .forEach(s -> latest.put(s.id(), s));
        return latest;
    }

    /** The day of each of these participants' latest session. */
    Map<String, LocalDate> lastSessionDays(Collection<String> participantIds) {
        Map<String, LocalDate> days = new HashMap<>();
        documents.aggregate(SessionLog.class, List.of(
                Aggregation.match(Criteria.where("participantId").in(participantIds)),
                Aggregation.group("participantId").max("date").as("date")), LastSessionDay.class)
                .forEach(s -> days.put(s.id(), s.date()));
        return days;
    }

    /** How many days with a session, and how many sessions, each of these participants logged. */
    Map<String, SessionCount> sessionCounts(Collection<String> participantIds) {
        Map<String, SessionCount> counts = new HashMap<>();
        documents.aggregate(SessionLog.class, List.of(
                Aggregation.match(Criteria.where("participantId").in(participantIds)),
                Aggregation.group("participantId", "date").count().as("sessions"),
                Aggregation.group("participantId").count().as("days").sum("sessions").as("sessions")),
                SessionCount.class).forEach(c -> counts.put(c.id(), c));
        return counts;
    }

    /** A participant's latest session: its day and the pain before and after it. */
    record LastSession(@Id String id, LocalDate date, int painBefore, int painAfter) {

        static LastSession of(String participantId, SessionRecord session) {
            return new LastSession(participantId, session.date(), session.painBefore(), session.painAfter());
        }
    }

    record LastSessionDay(@Id String id, LocalDate date) {}

    record SessionCount(@Id String id, int days, int sessions) {

        static SessionCount none(String participantId) {
            return new SessionCount(participantId, 0, 0);
        }
    }
}
