package org.researchportal.quality;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalUser;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.participants.ParticipantForms;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Source-data verification: a monitor marks a form checked against the source; any later change clears the mark
 * ({@link VerificationClearing}). Each study has a plan of what must be verified, and progress is counted against it.
 * The forms come from the services that keep them, read blinded and by name only.
 */
@Service
public class SourceVerification {

    static final String ENTITY = "VerificationMark";
    static final String PLAN_ENTITY = "SdvPlan";

    private final VerificationMarkRecords marks;
    private final SdvPlans plans;
    private final AssessmentService assessments;
    private final AdverseEventService adverseEvents;
    private final BlindedParticipants participants;
    private final StudyService studies;
    private final AuditTrail audit;
    private final Clock clock;

    SourceVerification(VerificationMarkRecords marks, SdvPlans plans, AssessmentService assessments,
            AdverseEventService adverseEvents, BlindedParticipants participants, StudyService studies,
            AuditTrail audit, Clock clock) {
        this.marks = marks;
        this.plans = plans;
        this.assessments = assessments;
        this.adverseEvents = adverseEvents;
        this.participants = participants;
        this.studies = studies;
        this.audit = audit;
        this.clock = clock;
    }

    /** Marks a form that holds data verified against the source, over an earlier cleared mark. */
    @Secured(Authorities.MONITOR)
    public FormVerification verify(ClinicalForm form) {
        if (held(form.studyId()).stream().noneMatch(f -> f.form().equals(form))) {
            throw ValidationException.of("form", "sdv.form.no-data");
        }
        Optional<VerificationMark> earlier = marks.of(form);
        if (earlier.isPresent() && earlier.get().getState() == VerificationState.VERIFIED) {
            return earlier.get().toRecord();
        }
        PortalUser me = CurrentUser.require();
        VerificationMark mark = VerificationMark.verified(form, me.username(), me.displayName(), clock.instant());
        marks.verify(mark);
        FormVerification now = marks.of(form).orElseThrow().toRecord();
        audit.record("verification.verified", ENTITY, mark.requireId(), earlier.map(m -> trail(m.toRecord()))
                .orElse(null), trail(now), null);
        return now;
    }

    /** A form's mark, if it was ever verified; site users see it on the form before they type. */
    @Secured({Authorities.MONITOR, Authorities.CLINICIAN, Authorities.TENANT_ADMIN, Authorities.ASSESSOR})
    public Optional<FormVerification> markOf(ClinicalForm form) {
        return marks.of(form).filter(m -> m.clinicalForm().studyId().equals(form.studyId()))
                .map(VerificationMark::toRecord);
    }

    @Secured({Authorities.MONITOR, Authorities.CLINICIAN, Authorities.TENANT_ADMIN})
    public List<FormVerification> marksOfParticipant(String participantId) {
        return marks.ofParticipant(participantId).stream().map(VerificationMark::toRecord).toList();
    }

    @Secured({Authorities.MONITOR, Authorities.CLINICIAN, Authorities.TENANT_ADMIN})
    public List<FormVerification> marksOfStudy(String studyId) {
        return marks.ofStudy(studyId).stream().map(VerificationMark::toRecord).toList();
    }

    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public SdvPlanRecord plan(String studyId) {
        requireStudy(studyId);
        return plans.of(studyId);
    }

    /**
     * Names the study's primary outcome instruments (among its schedule's) and the share of the other forms to
     * verify, 0 to 100 percent.
     */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public SdvPlanRecord configurePlan(String studyId, List<String> primaryInstruments, int sharePercent) {
        requireStudy(studyId);
        Set<String> scheduled = new HashSet<>();
        studies.schedule(studyId).stream().map(Timepoint::instruments).forEach(scheduled::addAll);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!scheduled.containsAll(primaryInstruments)) {
            errors.put("primaryInstruments", "sdv.plan.instrument.invalid");
        }
        if (sharePercent < 0 || sharePercent > 100) {
            errors.put("sharePercent", "sdv.plan.share.invalid");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        SdvPlanRecord before = plans.of(studyId);
        plans.replace(new SdvPlan(studyId, primaryInstruments.stream().distinct().sorted().toList(), sharePercent,
                CurrentUser.require().username(), clock.instant()), studyId);
        SdvPlanRecord after = plans.of(studyId);
        audit.record("sdv-plan.changed", PLAN_ENTITY, studyId, before, after, null);
        return after;
    }

    /** Every form of the study's randomised participants that holds data, with its mark and whether the plan needs it. */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public List<SdvForm> forms(String studyId) {
        requireStudy(studyId);
        SdvPlanRecord plan = plans.of(studyId);
        Map<String, VerificationState> states = new HashMap<>();
        marks.ofStudy(studyId).forEach(m -> states.put(m.getParticipantId() + "/" + m.getFormKey(), m.getState()));
        return held(studyId).stream().map(h -> new SdvForm(h.form(), h.studyNumber(), required(plan, h.form()),
                states.getOrDefault(h.form().participantId() + "/" + h.form().key(), VerificationState.NOT_VERIFIED)))
                .sorted(Comparator.comparing((SdvForm f) -> String.valueOf(f.studyNumber()))
                        .thenComparing(f -> f.form().key()))
                .toList();
    }

    /** Verification of the study's required forms: how many, verified, cleared, and those outstanding. */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public SdvProgress progress(String studyId) {
        return SdvProgress.of(forms(studyId));
    }

    /** The same for one participant of the study. */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public SdvProgress participantProgress(String studyId, String participantId) {
        return SdvProgress.of(forms(studyId).stream().filter(f -> f.form().participantId().equals(participantId))
                .toList());
    }

    /**
     * Whether the plan requires a form: every consent, eligibility and adverse-event form and every primary outcome
     * instrument; of the rest, those the study's sample draws. The sample hashes the study, participant and form, so
     * a form drawn stays drawn however many forms join later, and anyone can redo the draw.
     */
    static boolean required(SdvPlanRecord plan, ClinicalForm form) {
        return switch (form.kind()) {
            case CONSENT, ELIGIBILITY, ADVERSE_EVENT -> true;
            case INSTRUMENT -> plan.primaryInstruments().contains(form.form()) || drawn(plan, form);
            case FOLLOW_UP_CALL -> drawn(plan, form);
        };
    }

    static boolean drawn(SdvPlanRecord plan, ClinicalForm form) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((form.studyId() + "/" + form.participantId()
                    + "/" + form.key()).getBytes(StandardCharsets.UTF_8));
            return Long.remainderUnsigned(ByteBuffer.wrap(hash).getLong(), 100) < plan.sharePercent();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form holding data, with its participant's study number. */
    private record Held(ClinicalForm form, @Nullable String studyNumber) {}

    /**
     * The forms of the study's randomised participants that hold data: consent and eligibility, instruments recorded,
     * adverse events. Follow-up calls are not among them: their answers speak of the programme and would unblind.
     */
    private List<Held> held(String studyId) {
        Map<String, String> numbers = new HashMap<>();
        List<Held> held = new ArrayList<>();
        for (ParticipantForms p : participants.formsOf(studyId)) {
            numbers.put(p.participantId(), p.studyNumber() == null ? "" : p.studyNumber());
            p.forms().forEach(f -> held.add(new Held(f, p.studyNumber())));
        }
        List<ClinicalForm> recorded = new ArrayList<>(assessments.formsOf(studyId));
        recorded.addAll(adverseEvents.formsOf(studyId));
        recorded.stream().filter(f -> numbers.containsKey(f.participantId()))
                .forEach(f -> held.add(new Held(f, numbers.get(f.participantId()))));
        return held;
    }

    private void requireStudy(String studyId) {
        if (studies.study(studyId).isEmpty()) {
            throw new NotFoundException("Study", studyId);
        }
    }

    /** A mark as the audit trail keeps it, filed under its participant. */
    static Map<String, Object> trail(FormVerification mark) {
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("participantId", mark.form().participantId());
        trail.put("form", mark.form().key());
        trail.put("state", mark.state().name());
        trail.put("verifiedBy", mark.verifiedByName());
        trail.put("verifiedAt", mark.verifiedAt());
        if (mark.clearedAt() != null) {
            trail.put("clearedBy", mark.clearedByName());
            trail.put("clearedAt", mark.clearedAt());
            trail.put("clearedItems", mark.clearedItems());
        }
        return trail;
    }
}
