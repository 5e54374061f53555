package org.researchportal.exercise;

import java.util.ArrayList;
import java.util.List;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.ShowsArms;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The exercise intervention of a study as it was delivered, for reporting it by the Consensus on Exercise Reporting
 * Template (CERT). Only the exercise arm has programmes, so who has one tells the arm: unblinded readers only.
 */
@Service
public class DeliveredProgrammes {

    private final ProgrammeRecords records;
    private final SessionLogRecords sessions;
    private final VideoWatchRecords watches;

    DeliveredProgrammes(ProgrammeRecords records, SessionLogRecords sessions, VideoWatchRecords watches) {
        this.records = records;
        this.sessions = sessions;
        this.watches = watches;
    }

    /**
     * The study's current manual and every programme of the study (by participant) with its sessions, check-ins and
     * video watches. A study of another tenant, or unknown, has neither.
     */
    @ShowsArms
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.STATISTICIAN})
    public ProgrammeDelivery delivery(String studyId) {
        List<DeliveredProgramme> delivered = new ArrayList<>();
        for (Programme programme : records.programmesOfStudy(studyId)) {
            String participantId = programme.getParticipantId();
            List<SessionRecord> logged = sessions.sessionsOf(participantId);
            List<VideoWatch> watched = watches.watchesOf(participantId);
            delivered.add(new DeliveredProgramme(participantId, programme.getTemplate(),
                    programme.getManualEdition(), programme.getStartDate(), programme.getWeekdays(),
                    programme.getItems(), programme.getChanges(), logged.size(),
                    logged.stream().map(SessionRecord::date).distinct().sorted().toList(),
                    logged.stream().mapToInt(SessionRecord::minutes).sum(), records.checkInsOf(participantId).size(),
                    watched.size(), (int) watched.stream().map(VideoWatch::toEngagement).filter(
                            VideoEngagement::completed).count()));
        }
        return new ProgrammeDelivery(records.latestManual(studyId).orElse(null), delivered);
    }
}
