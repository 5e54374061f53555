package org.researchportal.exercise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps each participant's weekly summaries in step with their logs. A week is recomputed from its own logs (a week
 * holds a handful), and written only over a summary made from fewer logs: two logs arriving together cannot leave
 * the older count behind, and recomputing twice changes nothing. Used by the exercise services, which check access.
 */
@Component
class WeeklySummaries {

    private final TenantDocuments documents;
    private final SessionLogRecords sessions;
    private final Clock clock;

    WeeklySummaries(TenantDocuments documents, SessionLogRecords sessions, Clock clock) {
        this.documents = documents;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Recomputes the week of a participant that holds the given day. */
    void refresh(String participantId, String studyId, LocalDate day) {
        LocalDate weekStart = ProgrammeRecords.weekStart(day);
        List<SessionRecord> week = sessions.sessionsInWeek(participantId, weekStart);
        if (week.isEmpty()) {
            return;
        }
        int n = week.size();
        var update = new Update().set("studyId", studyId).set("sessions", n)
                .set("sessionDays", (int) week.stream().map(SessionRecord::date).distinct().count())
                .set("minutes", week.stream().mapToInt(SessionRecord::minutes).sum())
                .set("exertion", week.stream().mapToInt(SessionRecord::exertion).average().orElse(0))
                .set("painBefore", week.stream().mapToInt(SessionRecord::painBefore).average().orElse(0))
                .set("painAfter", week.stream().mapToInt(SessionRecord::painAfter).average().orElse(0))
                .set("worstPain", week.stream().mapToInt(s -> Math.max(s.painBefore(), s.painAfter())).max()
                        .orElse(0))
                .set("safetyStops", (int) week.stream().filter(SessionRecord::safetyStop).count())
                .set("updatedAt", clock.instant());
        try {
            documents.findAndModify(Query.query(Criteria.where("participantId").is(participantId).and("weekStart")
                    .is(weekStart).and("sessions").lt(n)), update, FindAndModifyOptions.options().upsert(true),
                    WeeklySummary.class);
        } catch (DuplicateKeyException fresherAlready) {
            // A summary made from at least as many logs is already there.
        }
    }

    Optional<WeeklySummary> of(String participantId, LocalDate weekStart) {
        return documents.findOne(Query.query(Criteria.where("participantId").is(participantId).and("weekStart")
                .is(weekStart)), WeeklySummary.class);
    }

    /** The participant's summarised weeks from the given Monday on, oldest first. */
    List<WeeklySummary> since(String participantId, LocalDate fromWeek) {
        return since(List.of(participantId), fromWeek);
    }

    /** The weeks of several participants at once, in order of week. */
    List<WeeklySummary> since(Collection<String> participantIds, LocalDate fromWeek) {
        return documents.find(Query.query(Criteria.where("participantId").in(participantIds).and("weekStart")
                .gte(fromWeek)).with(Sort.by("weekStart")), WeeklySummary.class);
    }
}
