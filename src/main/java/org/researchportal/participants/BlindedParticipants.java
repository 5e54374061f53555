package org.researchportal.participants;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** Randomised participants as a blinded assessor may see them: types that carry no arm at all. */
@Service
public class BlindedParticipants {

    private final ParticipantRecords records;
    private final ParticipantReads reads;

    BlindedParticipants(ParticipantRecords records, ParticipantReads reads) {
        this.records = records;
        this.reads = reads;
    }

    /**
     * The participants an assessor follows (randomised ones, whatever became of them), without their arm. Clinicians
     * may read it too: they see more than this anyway; and the tenant administrator, for what blocks the study's
     * database lock and the edit checks' report; the coordinator, for whose questionnaires are late or missed.
     */
    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN, Authorities.TENANT_ADMIN,
            Authorities.COORDINATOR})
    public Slice<BlindedParticipantRow> blindedParticipants(String studyId, Pageable pageable) {
        reads.requireStudy(studyId);
        return records.randomised(studyId, pageable).map(BlindedParticipants::blinded);
    }

    /**
     * The signed-in participant, once randomised, as what she answers herself is recorded: the same blinded row, since
     * her questionnaires are the same in every arm. Empty before randomisation.
     */
    @Secured(Authorities.PARTICIPANT)
    public Optional<BlindedParticipantRow> mine() {
        return records.ofAccount(CurrentUser.require().accountId())
                .filter(p -> p.getEnrolledOn() != null && p.getArmCode() != null
                        && ParticipantStatus.AFTER_ENROLMENT.contains(p.getStatus()))
                .map(BlindedParticipants::blinded);
    }

    /**
     * One enrolled or withdrawn participant, without their arm (for recording their assessments; the coordinator for
     * her questionnaires).
     */
    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN, Authorities.COORDINATOR})
    public Optional<BlindedParticipantRow> blindedParticipant(String participantId) {
        return records.randomised(participantId).map(BlindedParticipants::blinded);
    }

    /**
     * A randomised participant's consent, for a monitor verifying it: no arm, and no withdrawal reason (see
     * {@link BlindedConsent}). Empty when none is recorded (an imported participant) or the participant is unknown.
     */
    @Secured({Authorities.MONITOR, Authorities.CLINICIAN})
    public Optional<BlindedConsent> blindedConsent(String participantId) {
        return records.randomised(participantId).flatMap(p -> Optional.ofNullable(p.getConsent()))
                .map(BlindedConsent::of);
    }

    /**
     * A randomised participant's eligibility as judged at screening (the measures entered and the answers given),
     * for a monitor verifying it. Screening comes before allocation, so nothing in it tells the arm.
     */
    @Secured({Authorities.MONITOR, Authorities.CLINICIAN})
    public Optional<EligibilityAssessment> blindedEligibility(String participantId) {
        return records.randomised(participantId).flatMap(p -> Optional.ofNullable(p.getEligibility()));
    }

    /**
     * Every randomised participant of a study with their consent and eligibility forms that hold data (names only),
     * for the monitor's verification plan and the tenant administrator's view of its progress.
     */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public List<ParticipantForms> formsOf(String studyId) {
        reads.requireStudy(studyId);
        List<ParticipantForms> forms = new ArrayList<>();
        for (Participant p : records.randomised(studyId, Pageable.unpaged())) {
            List<ClinicalForm> held = new ArrayList<>();
            if (p.getConsent() != null) {
                held.add(ClinicalForm.consent(studyId, p.requireId()));
            }
            if (p.getEligibility() != null) {
                held.add(ClinicalForm.eligibility(studyId, p.requireId()));
            }
            forms.add(new ParticipantForms(p.requireId(), p.getStudyNumber(), held));
        }
        return forms;
    }

    private static BlindedParticipantRow blinded(Participant p) {
        return new BlindedParticipantRow(p.requireId(), p.getStudyId(), p.getStudyNumber(), p.getDisplayName(),
                p.getStatus(), p.getEnrolledOn(), p.getConsent() == null ? null : p.getConsent().consentedOn(),
                ParticipantReads.leftOn(p));
    }
}
