package org.researchportal.quality;

import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

/** A query that stands (open, answered and not closed, or re-opened) blocks the database lock. */
@Component
class QueriesLockCheck implements DatabaseLockCheck {

    private final DataQueryRecords queries;

    QueriesLockCheck(DataQueryRecords queries) {
        this.queries = queries;
    }

    @Override
    public List<LockBlocker> blockers(String studyId) {
        return queries.ofStudy(studyId, EnumSet.of(QueryState.OPEN, QueryState.ANSWERED, QueryState.REOPENED))
                .stream().map(DataQuery::toRow).map(q -> new LockBlocker(q.state() == QueryState.ANSWERED
                        ? "lock-blocker.query-answered" : "lock-blocker.query-open", List.of(q.studyNumber() == null
                                ? "–" : q.studyNumber(), q.point().item()), q.participantId())).toList();
    }
}
