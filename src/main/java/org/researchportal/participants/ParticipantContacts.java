package org.researchportal.participants;

import java.util.Optional;
import org.researchportal.base.security.Authorities;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** How to reach a participant, as the messaging pipeline and the safety alerts need it. Never the arm. */
@Service
public class ParticipantContacts {

    private final ParticipantRecords records;

    ParticipantContacts(ParticipantRecords records) {
        this.records = records;
    }

    /**
     * Her year of birth as the clinician recorded it, for a questionnaire link's check of who is answering (run as
     * the signed-link actor, a coordinator of the tenant).
     */
    @Secured(Authorities.COORDINATOR)
    public Optional<Integer> birthYear(String participantId) {
        return records.findParticipant(participantId).map(Participant::getBirthYear);
    }

    /**
     * How to reach a participant, for the messaging pipeline: contact details, language and time zone, and the
     * channels they consented to (none once they withdrew from participation). Never the arm.
     */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public Optional<ParticipantContact> contact(String participantId) {
        return records.findParticipant(participantId).map(p -> {
            Consent consent = p.getConsent();
            boolean active = consent != null && !consent.withdrawnFromParticipation();
            return new ParticipantContact(p.requireId(), p.getStudyId(), p.getDisplayName(), p.getStatus(),
                    p.getPhone(), p.getEmail(), p.getLanguage(), p.getTimeZone(), active && consent.smsContact(),
                    active && consent.emailContact(), p.getAccountId(), p.getContactPreferences(),
                    p.getTherapistId());
        });
    }
}
