package org.researchportal.participants;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The changes to participant records, each one update in the tenant in scope. Those that a randomisation in progress
 * must not meet (eligibility, consent, status) match only a participant no randomisation holds
 * ({@link RandomisationLease}), so the check and the change are one.
 */
@Component
class ParticipantChanges {

    private final TenantDocuments documents;

    ParticipantChanges(TenantDocuments documents) {
        this.documents = documents;
    }

    void assignCareTeam(String participantId, @Nullable String therapistId, @Nullable String coordinatorId) {
        documents.updateFirst(byId(participantId), new Update().set("therapistId", therapistId)
                .set("coordinatorId", coordinatorId).inc("version", 1), Participant.class);
    }

    /** Links the account a participant signs in with; answers false when they already had one. */
    boolean linkAccount(String participantId, String accountId) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(participantId).and("accountId").is(null)),
                new Update().set("accountId", accountId).inc("version", 1), Participant.class) > 0;
    }

    void setBirthYear(String participantId, @Nullable Integer year) {
        documents.updateFirst(byId(participantId), new Update().set("birthYear", year == null ? null
                : year.toString()).inc("version", 1), Participant.class);
    }

    void saveContactPreferences(String participantId, ContactPreferences wanted) {
        documents.updateFirst(byId(participantId), new Update().set("timeZone", wanted.timeZone())
                .set("reminderTime", wanted.reminderTime()).set("quietFrom", wanted.quietFrom())
                .set("quietUntil", wanted.quietUntil()).inc("version", 1), Participant.class);
    }

    void addDeviation(String participantId, ProtocolDeviation deviation) {
        documents.updateFirst(byId(participantId), new Update().push("deviations", deviation).inc("version", 1),
                Participant.class);
    }

    void addUnblinding(String participantId, Unblinding unblinding) {
        documents.updateFirst(byId(participantId), new Update().push("unblindings", unblinding).inc("version", 1),
                Participant.class);
    }

    /**
     * Records an eligibility assessment of a candidate not yet enrolled and not held by a randomisation; answers false
     * when the participant was no longer such a candidate.
     */
    boolean assessEligibility(String participantId, Set<ParticipantStatus> beforeEnrolment,
            EligibilityAssessment assessment, ParticipantStatus outcome, Instant now) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(participantId).and("status")
                .in(beforeEnrolment)).addCriteria(RandomisationLease.free(now)), new Update()
                        .set("eligibility", assessment).set("status", outcome).inc("version", 1),
                Participant.class) > 0;
    }

    /**
     * Changes a participant's status from the one read (withdrawal with its day), unless a randomisation holds them;
     * answers false when the status changed meanwhile or a randomisation holds them.
     */
    boolean changeStatus(String participantId, ParticipantStatus from, StatusChange change, Instant now) {
        Update update = new Update().set("status", change.status()).push("statusChanges", change).inc("version", 1);
        if (change.status() == ParticipantStatus.WITHDRAWN) {
            update.set("withdrawnOn", change.effectiveOn());
        }
        return documents.updateFirst(Query.query(Criteria.where("_id").is(participantId).and("status").is(from))
                .addCriteria(RandomisationLease.free(now)), update, Participant.class) > 0;
    }

    /**
     * Puts a consent in place on the record as read (same version), keeping the one it replaces among the earlier
     * ones and, with a day, withdrawing the participant; unless a randomisation holds them. Answers false when the
     * record changed meanwhile or a randomisation holds it.
     */
    boolean changeConsent(Participant read, Consent consent, @Nullable Consent replaced,
            @Nullable LocalDate withdrawnOn, Instant now) {
        Update update = Update.update("consent", consent);
        if (replaced != null) {
            update.push("earlierConsents", replaced);
        }
        if (withdrawnOn != null) {
            update.set("status", ParticipantStatus.WITHDRAWN).set("withdrawnOn", withdrawnOn);
        }
        return documents.updateFirst(Query.query(Criteria.where("_id").is(read.requireId()).and("version")
                .is(read.getVersion())).addCriteria(RandomisationLease.free(now)), update.inc("version", 1),
                Participant.class) > 0;
    }

    /**
     * Takes the randomisation lease on an eligible candidate not yet allocated, atomically; answers false when
     * another randomisation holds it or the candidate is no longer one.
     */
    boolean takeRandomisationLease(String participantId, Instant now) {
        return documents.findAndModify(Query.query(Criteria.where("_id").is(participantId).and("armCode").isNull()
                .and("status").is(ParticipantStatus.ELIGIBLE)).addCriteria(RandomisationLease.free(now)),
                Update.update(RandomisationLease.FIELD, now), FindAndModifyOptions.options().returnNew(true),
                Participant.class) != null;
    }

    /**
     * Enrols a randomised candidate in their arm and ends the lease. Checked again in the update itself: consent
     * withdrawn meanwhile, or another change, leaves nothing enrolled (answers false).
     */
    boolean enrol(String participantId, String armCode, LocalDate enrolledOn, String studyNumber,
            Randomisation randomisation) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(participantId).and("armCode").isNull()
                .and("status").is(ParticipantStatus.ELIGIBLE).and("consent").ne(null)
                .and("consent.withdrawals.scope").ne(ConsentWithdrawal.Scope.PARTICIPATION.name())),
                new Update().set("armCode", armCode).set("status", ParticipantStatus.ENROLLED)
                        .set("enrolledOn", enrolledOn).set("studyNumber", studyNumber)
                        .set("randomisation", randomisation).unset(RandomisationLease.FIELD).inc("version", 1),
                Participant.class) > 0;
    }

    private static Query byId(String participantId) {
        return Query.query(Criteria.where("_id").is(participantId));
    }
}
