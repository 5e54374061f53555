package org.researchportal.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.ApiTokenService;
import org.researchportal.identity.IdentityProperties;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.PreferredCallTime;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.study.TrialDocument;
import org.researchportal.study.TrialDocumentService;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Seeds one demo tenant's content through the same services a person would use (role checks, validation, audit).
 * Each step skips what already exists, so a seed interrupted half-way completes on the next start.
 */
@Component
class DemoTenantSeed {

    private final AccountService accounts;
    private final StudyService studies;
    private final ParticipantService participants;
    private final RandomisationService randomisation;
    private final ScreeningService screening;
    private final AssessmentService assessments;
    private final ApiTokenService tokens;
    private final TrialDocumentService documents;
    private final ConsentService consents;
    private final DemoExerciseSeed exercise;
    private final Clock clock;
    private final String password;

    DemoTenantSeed(AccountService accounts, StudyService studies, ParticipantService participants,
            RandomisationService randomisation, ScreeningService screening, AssessmentService assessments,
            ApiTokenService tokens, TrialDocumentService documents, ConsentService consents,
            DemoExerciseSeed exercise, Clock clock, IdentityProperties settings) {
        this.accounts = accounts;
        this.studies = studies;
        this.participants = participants;
        this.randomisation = randomisation;
        this.screening = screening;
        this.assessments = assessments;
        this.tokens = tokens;
        this.documents = documents;
        this.consents = consents;
        this.exercise = exercise;
        this.clock = clock;
        this.password = settings.demo().password();
    }

    /** Accounts, study and its configuration, documents, participants and the API token of one tenant. */
    void seed(DemoTenant tenant) {
        tenant.accounts().forEach(a -> ignoreIfPresent(() -> accounts.create(new NewAccount(a.username(),
                a.displayName(), a.username() + "@example.org", a.language(), a.roles(), password))));
        StudySummary study = studies.studies().stream().findFirst()
                .orElseGet(() -> studies.create(tenant.study()));
        if (studies.eligibilityModel(study.id()).criteria().isEmpty()) {
            studies.configureEligibility(study.id(), tenant.eligibility());
        }
        // The standard instruments came with the tenant (assessments gives every new tenant them).
        if (studies.schedule(study.id()).isEmpty()) {
            studies.configureSchedule(study.id(), tenant.schedule());
        }
        if (documents.documents(study.id()).isEmpty()) {
            seedDocuments(study);
        }
        if (studies.randomisationPlan(study.id()).isEmpty()) {
            studies.configureRandomisation(study.id(), tenant.randomisation());
            randomisation.setUp(study.id());
        }
        Map<String, String> ids = new HashMap<>();
        for (PortalRole role : List.of(PortalRole.THERAPIST, PortalRole.COORDINATOR, PortalRole.PARTICIPANT)) {
            accounts.accountsWithRole(role).forEach(a -> ids.put(a.username(), a.id()));
        }
        String clinician = accounts.accountsWithRole(PortalRole.CLINICIAN).stream()
                .filter(a -> a.username().equals(tenant.code() + ".clinician")).findFirst().orElseThrow().id();
        tokens.importToken(clinician, "Demo data manager token", PortalRole.CLINICIAN, demoToken(tenant));
        String assessor = accounts.accountsWithRole(PortalRole.ASSESSOR).stream()
                .filter(a -> a.username().equals(tenant.code() + ".assessor")).findFirst().orElseThrow().id();
        tokens.importRedcapToken(clinician, "Demo REDCap token", PortalRole.CLINICIAN, study.id(),
                demoRedcapToken(tenant, PortalRole.CLINICIAN));
        tokens.importRedcapToken(assessor, "Demo REDCap token", PortalRole.ASSESSOR, study.id(),
                demoRedcapToken(tenant, PortalRole.ASSESSOR));
        String therapist = ids.get(tenant.code() + ".therapist");
        String coordinator = ids.get(tenant.code() + ".coordinator");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(tenant.timeZone())));
        int n = 0;
        for (DemoParticipant p : tenant.participants()) {
            n++;
            boolean allocated = p.arm() != null;
            String suffix = String.format("%02d", n);
            String studyNumber = allocated ? study.acronym() + "-" + p.number() : null;
            // Eligible and not-eligible candidates are judged through screening, so their reasons are on record.
            boolean judged = p.status() == ParticipantStatus.ELIGIBLE || p.status() == ParticipantStatus.NOT_ELIGIBLE;
            var record = new ParticipantImport(study.id(), "S-" + p.number(), studyNumber,
                    p.name(), judged ? ParticipantStatus.SCREENED : p.status(), p.arm(),
                    today.minusDays(p.screenedDaysAgo()),
                    allocated ? today.minusDays(p.enrolledDaysAgo()) : null,
                    p.status() == ParticipantStatus.WITHDRAWN ? today.minusDays(10) : null,
                    tenant.phonePrefix() + suffix, "participant" + suffix + "." + tenant.code() + "@example.org",
                    p.language(), tenant.timeZone(),
                    (n % 2 == 0 ? PreferredCallTime.AFTERNOON : PreferredCallTime.MORNING).code(),
                    followsProgramme(tenant, p) ? therapist : null, allocated ? coordinator : null,
                    accountId(ids, p.account()));
            ignoreIfPresent(() -> {
                String id = participants.importRecord(record);
                if (judged) {
                    boolean eligible = p.status() == ParticipantStatus.ELIGIBLE;
                    screening.assessEligibility(id, tenant.screeningValues().apply(eligible),
                            DemoStudyDesigns.suitableAnswers(tenant.eligibility()), null);
                }
                return id;
            });
        }
        seedPaperConsents(study);
        if (study.acronym().equals("RE-MS")) {
            exercise.seed(study, tenant.accounts().stream().filter(a -> a.roles().contains(PortalRole.PARTICIPANT))
                    .map(a -> ids.get(a.username())).toList());
        }
    }

    /**
     * Baseline assessments for the first enrolled participants, so the assessor's worklist shows done, due and
     * overdue timepoints. Already recorded ones are left alone.
     */
    void seedBaselines(DemoTenant tenant) {
        String studyId = studies.studies().getFirst().id();
        List<DueAssessment> baselines = assessments.worklist(studyId).stream()
                .filter(d -> d.timepoint().equals("baseline")).limit(3).toList();
        for (DueAssessment baseline : baselines) {
            DemoAssessments.baseline().forEach((instrument, answers) -> {
                if (assessments.find(baseline.participantId(), "baseline", instrument).isEmpty()
                        && tenant.schedule().getFirst().instruments().contains(instrument)) {
                    assessments.record(baseline.participantId(), "baseline", instrument, baseline.dueOn(), answers,
                            null);
                }
            });
        }
    }

    /**
     * The demo's enrolled participants were imported, so their consent (taken on paper, SMS and email agreed) is
     * transcribed, as a study moving onto the portal would do; then reminders can reach them.
     */
    private void seedPaperConsents(StudySummary study) {
        String form = study.acronym() + " consent form v1";
        for (var row : participants.participants(study.id(), Pageable.unpaged())) {
            if (row.status() == ParticipantStatus.ENROLLED) {
                try {
                    consents.transcribePaperConsent(row.id(), form, row.screenedOn(), true, true,
                            "Consent taken on paper before the study moved onto the portal (demo)");
                } catch (ValidationException alreadyThere) {
                    // Seeded on an earlier start.
                }
            }
        }
    }

    /** A protocol summary and a consent form for each demo study, plainly marked as demo content. */
    private void seedDocuments(StudySummary study) {
        Set<PortalRole> staff = Set.of(PortalRole.CLINICIAN, PortalRole.ASSESSOR, PortalRole.THERAPIST,
                PortalRole.COORDINATOR);
        documents.upload(study.id(), study.acronym() + " protocol summary", TrialDocument.Kind.PROTOCOL,
                "Demo content", staff, "protocol-summary.pdf", DemoPdf.of(List.of(study.acronym()
                        + " protocol summary (DEMO CONTENT)", study.title(), "Registry: " + study.registryId(),
                        "This file is demo content for the Research Portal, not a real protocol.")));
        documents.upload(study.id(), study.acronym() + " consent form", TrialDocument.Kind.CONSENT_FORM,
                "Demo content", Set.of(PortalRole.CLINICIAN, PortalRole.PARTICIPANT), "consent-form.pdf",
                DemoPdf.of(List.of(study.acronym() + " informed consent form (DEMO CONTENT)",
                        "I agree to take part in this study.", "Signature: ____________   Date: ____________")));
    }

    /** Therapists follow the intervention arm's programmes; the control arm has no exercise plan to follow. */
    private static boolean followsProgramme(DemoTenant tenant, DemoParticipant participant) {
        return tenant.study().arms().stream().anyMatch(a -> a.code().equals(participant.arm())
                && a.kind() == ArmKind.INTERVENTION);
    }

    private static @Nullable String accountId(Map<String, String> ids, @Nullable String username) {
        return username == null ? null : ids.get(username);
    }

    /** Runs a creation step and treats "already exists" as done, which makes the seed resumable. */
    static void ignoreIfPresent(Supplier<?> step) {
        try {
            step.get();
        } catch (ValidationException refusal) {
            boolean alreadyThere = refusal.fieldMessageKeys().values().stream().allMatch(k -> k.endsWith(".taken"));
            if (!alreadyThere) {
                throw refusal;
            }
        }
    }

    /**
     * The demo tenant's clinician API token, derived from the demo password so it can be printed at every start while
     * only its hash is stored.
     */
    /**
     * A demo tenant's REDCap token for its study and one role (clinician or assessor): 32 upper-case hexadecimal
     * characters, derived from the demo password like {@link #demoToken}.
     */
    String demoRedcapToken(DemoTenant tenant, PortalRole role) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("research-portal-demo-redcap:"
                    + tenant.code() + ":" + role.name() + ":" + password).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().withUpperCase().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String demoToken(DemoTenant tenant) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("research-portal-demo-token:" + tenant.code()
                    + ":" + password).getBytes(StandardCharsets.UTF_8));
            return "rp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
