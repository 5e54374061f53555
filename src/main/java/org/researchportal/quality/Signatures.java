package org.researchportal.quality;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AdverseEventRecord;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.identity.Reauthentications;
import org.researchportal.identity.SigningProof;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The principal investigator's electronic signatures (21 CFR Part 11): only the clinician named as the study's
 * principal investigator signs a participant's timepoint (every instrument recorded at it) or their adverse events,
 * and only after proving again who they are ({@link Reauthentications}: the password here, or Keycloak). The
 * signature records the signer's name, the time, the meaning ("reviewed and approved") and a digest of exactly what
 * was signed; a later change to that data voids it ({@link SignedDataChanges}). Monitors, clinicians and the tenant
 * administrator read the signatures and what still waits for one.
 */
@Service
public class Signatures {

    /** The portal route the identity provider's re-authentication comes back to, to finish a signing. */
    public static final String COMPLETION_ROUTE = "signing";
    static final String ENTITY = "Signature";

    private final TenantDocuments documents;
    private final Reauthentications reauthentications;
    private final StudyService studies;
    private final ParticipantService participants;
    private final BlindedParticipants blinded;
    private final AssessmentService assessments;
    private final AdverseEventService adverseEvents;
    private final AuditTrail audit;
    private final Clock clock;

    Signatures(TenantDocuments documents, Reauthentications reauthentications, StudyService studies,
            ParticipantService participants, BlindedParticipants blinded, AssessmentService assessments,
            AdverseEventService adverseEvents, AuditTrail audit, Clock clock) {
        this.documents = documents;
        this.reauthentications = reauthentications;
        this.studies = studies;
        this.participants = participants;
        this.blinded = blinded;
        this.assessments = assessments;
        this.adverseEvents = adverseEvents;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the signed-in clinician is the study's principal investigator, the one who signs its data. */
    @Secured(Authorities.CLINICIAN)
    public boolean maySign(String studyId) {
        return studies.principalInvestigator(studyId).filter(CurrentUser.require().accountId()::equals).isPresent();
    }

    /**
     * Signs, with the password typed here (local sign-in): the participant's timepoint, or with {@code timepoint}
     * {@code null} their adverse events. The username is needed for the first signing of a session
     * ({@link Reauthentications#asksForUsername()}). A wrong password is refused at the field and counts toward the
     * account's lock-out.
     */
    @Secured(Authorities.CLINICIAN)
    public SignatureRecord sign(String participantId, @Nullable String timepoint, @Nullable String username,
            String password) {
        Signed signed = signable(participantId, timepoint);
        if (reauthentications.throughIdentityProvider()) {
            throw ValidationException.of("password", "signature.at-identity-provider");
        }
        return store(signed, reauthentications.confirmPassword(signed.purpose(), username, password));
    }

    /**
     * Begins a signing through the identity provider (OpenID Connect): answers the portal path the browser opens;
     * the provider asks for the password again and the browser comes back to {@link #COMPLETION_ROUTE}, which
     * finishes it with {@link #completeSigning}.
     */
    @Secured(Authorities.CLINICIAN)
    public String beginSigning(String participantId, @Nullable String timepoint, @Nullable String username) {
        Signed signed = signable(participantId, timepoint);
        if (!reauthentications.throughIdentityProvider()) {
            throw ValidationException.of("password", "signature.password-here");
        }
        return reauthentications.begin(signed.purpose(), username, COMPLETION_ROUTE);
    }

    /**
     * Finishes a signing the identity provider re-authenticated, once: refused when it was not this person's, was
     * used or ran out, or when the data changed since the signing was asked (the investigator then reviews again).
     */
    @Secured(Authorities.CLINICIAN)
    public SignatureRecord completeSigning(String reference) {
        SigningProof proof = reauthentications.consume(reference)
                .orElseThrow(() -> ValidationException.of("signature", "signature.reauthentication-failed"));
        String purpose = proof.purpose();
        int first = purpose.indexOf('|');
        int last = purpose.lastIndexOf('|');
        if (first < 0 || last <= first) {
            throw ValidationException.of("signature", "signature.reauthentication-failed");
        }
        String timepoint = purpose.substring(first + 1, last);
        Signed signed = signable(purpose.substring(0, first), timepoint.isEmpty() ? null : timepoint);
        if (!signed.purpose().equals(purpose)) {
            throw ValidationException.of("signature", "signature.data-changed");
        }
        return store(signed, proof);
    }

    /** The participant's signatures, valid and voided, newest first. */
    @Secured({Authorities.MONITOR, Authorities.CLINICIAN, Authorities.TENANT_ADMIN})
    public List<SignatureRecord> ofParticipant(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "signedAt")), Signature.class).stream()
                .map(Signature::toRecord).toList();
    }

    /**
     * What in a study needs the investigator's signature and has no valid one: each participant's timepoints with
     * recorded instruments and their adverse events. Forms only, no values: a monitor reads it blinded.
     */
    @Secured({Authorities.MONITOR, Authorities.CLINICIAN, Authorities.TENANT_ADMIN})
    public List<AwaitingSignature> awaiting(String studyId) {
        var people = blinded.blindedParticipants(studyId, Pageable.unpaged()).getContent();
        if (people.isEmpty()) {
            return List.of();
        }
        List<String> ids = people.stream().map(BlindedParticipantRow::id).toList();
        Map<String, List<SignatureRecord>> signatures = documents.find(Query.query(Criteria.where("studyId")
                .is(studyId)), Signature.class).stream().map(Signature::toRecord)
                .collect(Collectors.groupingBy(SignatureRecord::participantId));
        // Forms only, never their values: what every reader of this list may know.
        Map<String, List<ClinicalForm>> recorded = assessments.formsOf(studyId).stream()
                .collect(Collectors.groupingBy(ClinicalForm::participantId));
        Map<String, List<String>> events = adverseEvents.formsOf(studyId).stream()
                .collect(Collectors.groupingBy(ClinicalForm::participantId,
                        Collectors.mapping(ClinicalForm::occasion, Collectors.toList())));
        List<AwaitingSignature> waiting = new ArrayList<>();
        for (BlindedParticipantRow person : people) {
            List<SignatureRecord> theirs = signatures.getOrDefault(person.id(), List.of());
            Map<String, List<ClinicalForm>> byTimepoint = new TreeMap<>();
            for (ClinicalForm form : recorded.getOrDefault(person.id(), List.of())) {
                byTimepoint.computeIfAbsent(form.occasion(), t -> new ArrayList<>()).add(form);
            }
            byTimepoint.forEach((timepoint, forms) -> awaitingOf(person, SignatureScope.TIMEPOINT, timepoint, forms,
                    theirs).ifPresent(waiting::add));
            List<ClinicalForm> aes = events.getOrDefault(person.id(), List.of()).stream()
                    .map(id -> ClinicalForm.adverseEvent(studyId, person.id(), id)).toList();
            if (!aes.isEmpty()) {
                awaitingOf(person, SignatureScope.ADVERSE_EVENTS, null, aes, theirs).ifPresent(waiting::add);
            }
        }
        return waiting;
    }

    /**
     * The valid signatures of a study's forms, for exports and the archive: by participant, then form key
     * ({@link ClinicalForm#key()}), oldest signature first.
     */
    @Secured({Authorities.MONITOR, Authorities.CLINICIAN, Authorities.TENANT_ADMIN})
    public Map<String, Map<String, List<SignatureRecord>>> validByForm(String studyId) {
        Map<String, Map<String, List<SignatureRecord>>> byForm = new TreeMap<>();
        documents.find(Query.query(Criteria.where("studyId").is(studyId).and("voidedAt").isNull())
                .with(Sort.by("signedAt")), Signature.class).stream().map(Signature::toRecord)
                .forEach(s -> s.forms().forEach(form -> byForm.computeIfAbsent(s.participantId(),
                        p -> new TreeMap<>()).computeIfAbsent(form, f -> new ArrayList<>()).add(s)));
        return byForm;
    }

    private static java.util.Optional<AwaitingSignature> awaitingOf(BlindedParticipantRow person, SignatureScope scope,
            @Nullable String timepoint, List<ClinicalForm> forms, List<SignatureRecord> theirs) {
        Set<String> keys = forms.stream().map(ClinicalForm::key).collect(Collectors.toSet());
        var same = theirs.stream().filter(s -> s.scope() == scope && Objects.equals(s.timepoint(), timepoint))
                .toList();
        if (same.stream().anyMatch(s -> s.valid() && s.forms().containsAll(keys))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new AwaitingSignature(person.id(), person.studyNumber(), scope, timepoint, forms,
                same.stream().anyMatch(s -> !s.valid())));
    }

    /** What would be signed now, as the signer sees it; refuses anyone but the study's principal investigator. */
    private Signed signable(String participantId, @Nullable String timepoint) {
        String studyId = participants.participantRecord(participantId).studyId();
        if (!maySign(studyId)) {
            throw new AccessDeniedException("Only the study's principal investigator signs its data");
        }
        Map<String, String> contents = new TreeMap<>();
        List<ClinicalForm> forms = new ArrayList<>();
        if (timepoint != null) {
            for (AssessmentRecord a : assessments.assessmentsOf(studyId, List.of(participantId))) {
                if (a.timepoint().equals(timepoint)) {
                    ClinicalForm form = ClinicalForm.instrument(studyId, participantId, timepoint, a.instrument());
                    forms.add(form);
                    contents.put(form.key(), a.instrumentVersion() + "\n" + a.assessedOn() + "\n"
                            + new TreeMap<>(a.answers()));
                }
            }
        } else {
            for (AdverseEventRecord e : adverseEvents.eventsOf(studyId, List.of(participantId))) {
                ClinicalForm form = ClinicalForm.adverseEvent(studyId, participantId, e.id());
                forms.add(form);
                contents.put(form.key(), e.report().toString());
            }
        }
        if (forms.isEmpty()) {
            throw ValidationException.of("signature", "signature.nothing-to-sign");
        }
        forms.sort(Comparator.comparing(ClinicalForm::key));
        String digest = digest(contents);
        return new Signed(studyId, participantId, timepoint, forms,
                participantId + "|" + (timepoint == null ? "" : timepoint) + "|" + digest, digest);
    }

    private SignatureRecord store(Signed signed, SigningProof proof) {
        if (!proof.accountId().equals(CurrentUser.require().accountId())) {
            throw new AccessDeniedException("A signature is its signer's own");
        }
        var signature = documents.insert(new Signature(signed.studyId(), signed.participantId(),
                signed.timepoint() == null ? SignatureScope.ADVERSE_EVENTS : SignatureScope.TIMEPOINT,
                signed.timepoint(), signed.forms().stream().map(ClinicalForm::key).toList(), signed.digest(),
                SignatureRecord.REVIEWED_AND_APPROVED, proof, clock.instant()));
        SignatureRecord record = signature.toRecord();
        audit.record("signature.signed", ENTITY, record.id(), null, auditView(record), null);
        return record;
    }

    /** The signature as its audit entry reads: whose data, what, who signed and meaning what. */
    static Map<String, Object> auditView(SignatureRecord s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("participantId", s.participantId());
        view.put("timepoint", s.timepoint() == null ? "" : s.timepoint());
        view.put("forms", String.join(", ", new TreeSet<>(s.forms())));
        view.put("signer", s.signerName());
        view.put("meaning", s.meaning());
        view.put("signedAt", s.signedAt());
        if (s.voidedAt() != null) {
            view.put("voidedAt", s.voidedAt());
            view.put("voidedBy", s.voidedByName());
        }
        return view;
    }

    static String digest(Map<String, String> contents) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            contents.forEach((key, value) -> sha.update((key + "\u0000" + value + "\u0001")
                    .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private record Signed(String studyId, String participantId, @Nullable String timepoint, List<ClinicalForm> forms,
            String purpose, String digest) {}
}
