package org.researchportal.participants;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.SealedValues;
import org.researchportal.study.RandomisationPlan;
import org.researchportal.study.RandomisationPlan.StratificationFactor;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Enrolment by randomisation with allocation concealment. The sequence is made when randomisation is set up and
 * stored sealed, a place per document; nothing reads a place ahead of use. Randomising an eligible, consented
 * candidate claims the next free place for them atomically and only then opens it. An allocation never changes.
 */
@Service
public class RandomisationService {

    static final Duration LEASE = RandomisationLease.LENGTH;

    private final TenantDocuments documents;
    private final ParticipantRecords records;
    private final ParticipantChanges changes;
    private final AllocationRecords allocations;
    private final StudyService studies;
    private final StudyNumbers numbers;
    private final SealedValues sealed;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ClinicalRecordLocks locks;
    private final PermutedBlocks blocks = new PermutedBlocks(new SecureRandom());

    RandomisationService(TenantDocuments documents, ParticipantRecords records, ParticipantChanges changes,
            AllocationRecords allocations, StudyService studies, StudyNumbers numbers, SealedValues sealed,
            AuditTrail audit, Clock clock, ApplicationEventPublisher events, ClinicalRecordLocks locks) {
        this.locks = locks;
        this.events = events;
        this.documents = documents;
        this.records = records;
        this.changes = changes;
        this.allocations = allocations;
        this.studies = studies;
        this.numbers = numbers;
        this.sealed = sealed;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes the sealed sequence for every stratum of the study's plan, once; running it again changes nothing. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN})
    public void setUp(String studyId) {
        StudySummary study = studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
        locks.requireStudyOpen(study.id());
        RandomisationPlan plan = plan(studyId);
        for (String stratum : strata(plan)) {
            if (!allocations.hasSequence(studyId, stratum)) {
                extend(study, plan, stratum);
            }
        }
        audit.record("randomisation.set-up", "Study", studyId, null, Map.of("strata", strata(plan)), null);
    }

    /** Whether the study's sealed sequence is made: it has a plan and every stratum of it has its sequence. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN})
    public boolean isSetUp(String studyId) {
        return studies.randomisationPlan(studyId).map(plan -> strata(plan).stream()
                .allMatch(stratum -> allocations.hasSequence(studyId, stratum)))
                .orElse(false);
    }

    /**
     * Enrols and randomises an eligible, consented candidate and answers the arm's name. The stratification factors'
     * levels are given by the clinician (none when the plan has none).
     */
    @Secured(Authorities.CLINICIAN)
    public String randomise(String participantId, Map<String, String> stratification) {
        Participant participant = records.participant(participantId);
        StudySummary study = studies.study(participant.getStudyId()).orElseThrow();
        locks.requireRecruiting(study.id());
        RandomisationPlan plan = plan(study.id());
        String stratum = stratum(plan, stratification);
        Consent consent = participant.getConsent();
        if (participant.getArmCode() != null) {
            throw ValidationException.of("randomise", "randomise.already");
        }
        if (participant.getStatus() != ParticipantStatus.ELIGIBLE) {
            throw ValidationException.of("randomise", "randomise.not-eligible");
        }
        if (consent == null || consent.withdrawnFromParticipation()) {
            throw ValidationException.of("randomise", "randomise.no-consent");
        }
        Instant now = clock.instant();
        takeLease(participantId, now);
        AllocationSlot slot = claim(study, plan, stratum, participantId, now);
        String armCode = sealed.open(slot.getSealedArm());
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(participant.getTimeZone())));
        String studyNumber = numbers.next(study.id(), "enrolment", study.acronym() + "-", n -> records.studyNumberTaken(
                study.id(), n));
        var randomisation = new Randomisation(slot.getStratum(), slot.requireId(), now,
                CurrentUser.require().username());
        // Checked again in the update itself: consent withdrawn meanwhile, or another change, leaves nothing enrolled.
        if (!changes.enrol(participantId, armCode, today, studyNumber, randomisation)) {
            throw ValidationException.of("randomise", "randomise.already");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", ParticipantStatus.ENROLLED.name());
        after.put("armCode", armCode);
        after.put("studyNumber", studyNumber);
        after.put("randomisation", randomisation);
        audit.record("participant.randomised", ParticipantService.ENTITY, participantId,
                Map.of("status", participant.getStatus().name()), after, null);
        events.publishEvent(new ParticipantRandomised(documents.currentTenantId(), participantId));
        return armName(study, armCode);
    }

    /**
     * Records an emergency unblinding of one participant's allocation (for whoever must know it in an emergency) and
     * answers the arm's name. Needs a reason; audited.
     */
    @Secured(Authorities.CLINICIAN)
    public String emergencyUnblind(String participantId, String reason) {
        if (Inputs.isBlankOrLonger(reason, ScreeningService.REASON_MAX_LENGTH)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
        Participant participant = records.participant(participantId);
        String armCode = participant.getArmCode();
        if (armCode == null) {
            throw ValidationException.of("reason", "unblind.not-randomised");
        }
        var unblinding = new Unblinding(clock.instant(), CurrentUser.require().username(), reason.trim());
        changes.addUnblinding(participantId, unblinding);
        audit.record("participant.emergency-unblinded", ParticipantService.ENTITY, participantId, null,
                Map.of("unblinding", unblinding), reason.trim());
        return armName(studies.study(participant.getStudyId()).orElseThrow(), armCode);
    }

    private void takeLease(String participantId, Instant now) {
        if (!changes.takeRandomisationLease(participantId, now)) {
            throw ValidationException.of("randomise", "randomise.in-progress");
        }
    }

    /**
     * The place this participant already holds (a retry after an interruption gets the same one), or the next free
     * place of their stratum, claimed atomically; the sequence grows by whole blocks when it runs out.
     */
    private AllocationSlot claim(StudySummary study, RandomisationPlan plan, String stratum, String participantId,
            Instant now) {
        Optional<AllocationSlot> held = allocations.heldBy(study.id(), participantId);
        if (held.isPresent()) {
            return held.get();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            AllocationSlot claimed = allocations.claimNext(study.id(), stratum, participantId, now);
            if (claimed != null) {
                return claimed;
            }
            extend(study, plan, stratum);
        }
        throw new IllegalStateException("Could not claim an allocation place for " + participantId);
    }

    /**
     * Appends whole blocks to a stratum's sequence, enough for the study's target again. Positions and block numbers
     * are reserved atomically first, so concurrent extensions never interleave; the batch is marked complete only
     * once every place of it is written.
     */
    private void extend(StudySummary study, RandomisationPlan plan, String stratum) {
        List<PermutedBlocks.Place> places = blocks.generate(plan, Math.max(study.targetEnrolment(), 1), 0);
        int blockCount = places.getLast().block() + 1;
        long firstPosition = numbers.reserve(study.id(), "slot-position:" + stratum, places.size());
        long firstBlock = numbers.reserve(study.id(), "slot-block:" + stratum, blockCount);
        int batch = (int) firstPosition;
        List<AllocationSlot> slots = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            PermutedBlocks.Place place = places.get(i);
            slots.add(new AllocationSlot(study.id(), stratum, (int) firstPosition + i,
                    (int) firstBlock + place.block(), batch, sealed.seal(place.armCode())));
        }
        allocations.addBatch(slots, new AllocationBatch(study.id(), stratum, batch));
    }

    private RandomisationPlan plan(String studyId) {
        return studies.randomisationPlan(studyId)
                .orElseThrow(() -> ValidationException.of("randomise", "randomise.not-set-up"));
    }

    /** The stratum key for the given factor levels, e.g. {@code age=under-60}; empty without factors. */
    static String stratum(RandomisationPlan plan, Map<String, String> levels) {
        List<String> parts = new ArrayList<>();
        for (StratificationFactor factor : plan.strata()) {
            String level = levels.get(factor.code());
            if (level == null || !factor.levels().contains(level)) {
                throw ValidationException.of("stratum." + factor.code(), "randomise.stratum.invalid");
            }
            parts.add(factor.code() + "=" + level);
        }
        return String.join(";", parts);
    }

    /** Every stratum key of a plan: the product of its factors' levels. */
    static List<String> strata(RandomisationPlan plan) {
        List<String> keys = new ArrayList<>(List.of(""));
        for (StratificationFactor factor : plan.strata()) {
            List<String> next = new ArrayList<>();
            for (String key : keys) {
                for (String level : factor.levels()) {
                    next.add((key.isEmpty() ? "" : key + ";") + factor.code() + "=" + level);
                }
            }
            keys = next;
        }
        return keys;
    }

    private static String armName(StudySummary study, String armCode) {
        return study.arms().stream().filter(a -> a.code().equals(armCode)).map(ParticipantReads::nameForReader)
                .findFirst().orElse(armCode);
    }
}
