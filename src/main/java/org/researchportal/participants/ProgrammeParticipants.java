package org.researchportal.participants;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.base.security.Authorities;
import org.researchportal.study.StudySummary;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** Participants as the exercise programme (and its messages) need them: {@link ParticipantRef}, with the arm's kind. */
@Service
public class ProgrammeParticipants {

    private final ParticipantRecords records;
    private final ParticipantReads reads;

    ProgrammeParticipants(ParticipantRecords records, ParticipantReads reads) {
        this.records = records;
        this.reads = reads;
    }

    /** The signed-in participant's own record, for their programme and logs. */
    @Secured(Authorities.PARTICIPANT)
    public Optional<ParticipantRef> me() {
        return reads.mine().map(reads::ref);
    }

    /** A participant whose programme a therapist or clinician looks after. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.COORDINATOR})
    public Optional<ParticipantRef> programmeParticipant(String participantId) {
        return records.findParticipant(participantId).map(reads::ref);
    }

    /**
     * Several at once (a page of a caseload, or the programmes of a study for the statistician's adherence report):
     * one query, and each study read once; unknown ids are left out.
     */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.COORDINATOR, Authorities.STATISTICIAN})
    public List<ParticipantRef> programmeParticipants(Collection<String> participantIds) {
        Map<String, Optional<StudySummary>> studiesById = new HashMap<>();
        return records.participants(participantIds).stream()
                .map(p -> ParticipantReads.ref(p, studiesById.computeIfAbsent(p.getStudyId(), reads::study)))
                .toList();
    }
}
