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
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** Allocated participants as the follow-up calls need them: {@link CallParticipant}, left ones included. */
@Service
public class CallParticipants {

    private final ParticipantRecords records;
    private final ParticipantReads reads;

    CallParticipants(ParticipantRecords records, ParticipantReads reads) {
        this.records = records;
        this.reads = reads;
    }

    /** Every allocated participant of the tenant, as the follow-up calls need them (left ones included). */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public List<CallParticipant> callParticipants() {
        return callParticipants(records.allocated());
    }

    /** One allocated participant, as the follow-up calls need them. */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public Optional<CallParticipant> callParticipant(String participantId) {
        return callParticipants(records.allocated(participantId).stream().toList()).stream().findFirst();
    }

    private List<CallParticipant> callParticipants(List<Participant> participants) {
        Map<String, Optional<StudySummary>> studyCache = new HashMap<>();
        List<CallParticipant> found = new ArrayList<>();
        for (Participant p : participants) {
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
