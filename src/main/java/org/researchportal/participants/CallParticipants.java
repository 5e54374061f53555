package org.researchportal.participants;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.researchportal.base.security.Authorities;
import org.researchportal.study.Arm;
import org.researchportal.study.StudySummary;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** Allocated participants as the follow-up calls need them: {@link CallParticipant}, left ones included. */
@Service
public class CallParticipants {

    private final TenantDocuments documents;
    private final ParticipantReads reads;

    CallParticipants(TenantDocuments documents, ParticipantReads reads) {
        this.documents = documents;
        this.reads = reads;
    }

    /** Every allocated participant of the tenant, as the follow-up calls need them (left ones included). */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public List<CallParticipant> callParticipants() {
        return callParticipants(Query.query(Criteria.where("armCode").ne(null).and("enrolledOn").ne(null)
                .and("status").in(ParticipantStatus.AFTER_ENROLMENT)));
    }

    /** One allocated participant, as the follow-up calls need them. */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public Optional<CallParticipant> callParticipant(String participantId) {
        return callParticipants(Query.query(Criteria.where("_id").is(participantId).and("armCode").ne(null)
                .and("enrolledOn").ne(null))).stream().findFirst();
    }

    private List<CallParticipant> callParticipants(Query query) {
        Map<String, Optional<StudySummary>> studyCache = new HashMap<>();
        List<CallParticipant> found = new ArrayList<>();
        for (Participant p : documents.find(query, Participant.class)) {
            Optional<StudySummary> study = studyCache.computeIfAbsent(p.getStudyId(), reads::study);
            String arm = Objects.requireNonNull(p.getArmCode());
            found.add(new CallParticipant(p.requireId(), p.getStudyId(), study.map(StudySummary::acronym).orElse(""),
                    p.getStudyNumber(), p.getDisplayName(), p.getStatus(), arm,
                    study.map(s -> ParticipantReads.armName(s, arm)).orElse(arm), study.flatMap(s -> s.arms()
                            .stream().filter(a -> a.code().equals(arm)).findFirst()).map(Arm::kind).orElse(null),
                    Objects.requireNonNull(p.getEnrolledOn()), p.getTimeZone(), p.getLanguage(),
                    p.getPhone(), p.getPreferredCallTime(), p.getCoordinatorId()));
        }
        return found;
    }
}
