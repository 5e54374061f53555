package org.researchportal.participants;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The reads of participant records that the participant services share, in the tenant in scope. Changes to a record
 * are in {@link ParticipantChanges}.
 */
@Component
class ParticipantRecords {

    private final TenantDocuments documents;

    ParticipantRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    Participant participant(String participantId) {
        return documents.getById(participantId, Participant.class);
    }

    Optional<Participant> findParticipant(String participantId) {
        return documents.findById(participantId, Participant.class);
    }

    /** The participants with these ids (unknown ids are left out), in one read. */
    List<Participant> participants(Collection<String> participantIds) {
        return documents.find(Query.query(Criteria.where("_id").in(participantIds)), Participant.class);
    }

    /** Every participant of a study, whatever their state. */
    List<Participant> ofStudy(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId)), Participant.class);
    }

    void add(Participant participant) {
        documents.insert(participant);
    }

    /** The participant who signs in with this account. */
    Optional<Participant> ofAccount(String accountId) {
        return documents.findOne(Query.query(Criteria.where("accountId").is(accountId)), Participant.class);
    }

    /** Whether some participant already signs in with this account. */
    boolean accountLinked(String accountId) {
        return documents.exists(Query.query(Criteria.where("accountId").is(accountId)), Participant.class);
    }

    /** Which of these accounts a participant already signs in with, in one read. */
    Set<String> linkedAccounts(Collection<String> accountIds) {
        return documents.find(Query.query(Criteria.where("accountId").in(accountIds)), Participant.class).stream()
                .map(Participant::getAccountId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    boolean screeningNumberTaken(String studyId, String screeningNumber) {
        return documents.exists(Query.query(Criteria.where("studyId").is(studyId).and("screeningNumber")
                .is(screeningNumber)), Participant.class);
    }

    boolean studyNumberTaken(String studyId, String studyNumber) {
        return documents.exists(Query.query(Criteria.where("studyId").is(studyId).and("studyNumber")
                .is(studyNumber)), Participant.class);
    }

    /**
     * A page of a study's participants by screening number, narrowed by a number found anywhere in the study or
     * screening number (as typed, without regular-expression meaning), a status and an arm; null narrows nothing.
     */
    Slice<Participant> participantList(String studyId, @Nullable String number, @Nullable ParticipantStatus status,
            @Nullable String armCode, Pageable pageable) {
        Criteria criteria = Criteria.where("studyId").is(studyId);
        if (number != null) {
            String quoted = java.util.regex.Pattern.quote(number);
            criteria.orOperator(Criteria.where("screeningNumber").regex(quoted, "i"),
                    Criteria.where("studyNumber").regex(quoted, "i"));
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (armCode != null) {
            criteria.and("armCode").is(armCode);
        }
        return documents.slice(Query.query(criteria).with(Sort.by("screeningNumber")), pageable, Participant.class);
    }

    /** A page of the enrolled participants a therapist follows, by study number. */
    Slice<Participant> therapistCaseload(String therapistId, Pageable pageable) {
        return documents.slice(Query.query(Criteria.where("therapistId").is(therapistId).and("status")
                .is(ParticipantStatus.ENROLLED)).with(Sort.by("studyNumber")), pageable, Participant.class);
    }

    /** A page of a study's randomised participants, whatever became of them, by study number. */
    Slice<Participant> randomised(String studyId, Pageable pageable) {
        return documents.slice(Query.query(Criteria.where("studyId").is(studyId).and("status")
                .in(ParticipantStatus.AFTER_ENROLMENT).and("armCode").ne(null)).with(Sort.by("studyNumber")),
                pageable, Participant.class);
    }

    /** One participant if randomised, whatever became of them. */
    Optional<Participant> randomised(String participantId) {
        return documents.findOne(Query.query(Criteria.where("_id").is(participantId).and("status")
                .in(ParticipantStatus.AFTER_ENROLMENT).and("armCode").ne(null)), Participant.class);
    }

    /** Every participant of the tenant allocated and enrolled, left ones included. */
    List<Participant> allocated() {
        return documents.find(Query.query(Criteria.where("armCode").ne(null).and("enrolledOn").ne(null)
                .and("status").in(ParticipantStatus.AFTER_ENROLMENT)), Participant.class);
    }

    /** One participant if allocated and enrolled (whatever their status now). */
    Optional<Participant> allocated(String participantId) {
        return documents.findOne(Query.query(Criteria.where("_id").is(participantId).and("armCode").ne(null)
                .and("enrolledOn").ne(null)), Participant.class);
    }
}
