package org.researchportal.demo;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.StandardInstruments;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.ApiTokenService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.tenancy.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo once, through the same services (role checks, validation, audit) a person would use, acting as a
 * system actor. Each step skips what already exists, so a seed interrupted half-way completes on the next start.
 */
@Component
@ConditionalOnProperty(name = "portal.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String PURPOSE = "demo-seed";

    private final TenantService tenants;
    private final AccountService accounts;
    private final StudyService studies;
    private final ParticipantService participants;
    private final RandomisationService randomisation;
    private final ScreeningService screening;
    private final AssessmentService assessments;
    private final ApiTokenService tokens;
    private final Clock clock;
    private final String password;
    private final String authMode;
    private final ObjectProvider<MongoServer> embeddedStore;

    DemoData(TenantService tenants, AccountService accounts, StudyService studies, ParticipantService participants,
            RandomisationService randomisation, ScreeningService screening, AssessmentService assessments,
            ApiTokenService tokens, Clock clock,
            @Value("${portal.demo.password}") String password,
            @Value("${portal.auth.mode:local}") String authMode, ObjectProvider<MongoServer> embeddedStore) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.studies = studies;
        this.participants = participants;
        this.randomisation = randomisation;
        this.screening = screening;
        this.assessments = assessments;
        this.tokens = tokens;
        this.clock = clock;
        this.password = password;
        this.authMode = authMode;
        this.embeddedStore = embeddedStore;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!"local".equals(authMode) || embeddedStore.getIfAvailable() == null) {
            // Demo accounts with a published password must never land in a real database.
            log.warn("Demo data is only for the embedded store with local sign-in; not seeding");
            return;
        }
        List<DemoTenant> demo = List.of(DemoTenants.fudan(), DemoTenants.lakeside());
        SystemActor.runAs(PURPOSE, null, Set.of(PortalRole.PLATFORM_ADMIN), () -> {
            demo.forEach(t -> ignoreIfPresent(() -> tenants.create(t.code(), t.name(), t.timeZone())));
            ignoreIfPresent(() -> {
                accounts.createPlatformAdministrator(DemoTenants.PLATFORM_ADMIN, "Platform Administrator (demo)",
                        password);
                return null;
            });
        });
        demo.forEach(t -> SystemActor.runAs(PURPOSE, t.code(), EnumSet.of(PortalRole.TENANT_ADMIN,
                PortalRole.CLINICIAN), () -> seed(t)));
        demo.forEach(t -> SystemActor.runAs(PURPOSE, t.code(), EnumSet.of(PortalRole.ASSESSOR),
                () -> seedBaselines(t)));
        logAccounts(demo);
    }

    private void seed(DemoTenant tenant) {
        tenant.accounts().forEach(a -> ignoreIfPresent(() -> accounts.create(new NewAccount(a.username(),
                a.displayName(), a.username() + "@example.org", a.language(), a.roles(), password))));
        StudySummary study = studies.studies().stream().findFirst()
                .orElseGet(() -> studies.create(tenant.study()));
        if (studies.eligibilityModel(study.id()).criteria().isEmpty()) {
            studies.configureEligibility(study.id(), tenant.eligibility());
        }
        for (Instrument instrument : StandardInstruments.all()) {
            if (assessments.instrument(instrument.code()).isEmpty()) {
                assessments.defineInstrument(instrument);
            }
        }
        if (studies.schedule(study.id()).isEmpty()) {
            studies.configureSchedule(study.id(), tenant.schedule());
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
                    p.language(), tenant.timeZone(), n % 2 == 0 ? "Weekdays 14:00-17:00" : "Mornings 09:00-11:00",
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
    }

    /**
     * Baseline assessments for the first enrolled participants, so the assessor's worklist shows done, due and
     * overdue timepoints. Already recorded ones are left alone.
     */
    private void seedBaselines(DemoTenant tenant) {
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

    /** Therapists follow the intervention arm's programmes; the control arm has no exercise plan to follow. */
    private static boolean followsProgramme(DemoTenant tenant, DemoParticipant participant) {
        return tenant.study().arms().stream().anyMatch(a -> a.code().equals(participant.arm())
                && a.kind() == ArmKind.INTERVENTION);
    }

    private static @Nullable String accountId(Map<String, String> ids, @Nullable String username) {
        return username == null ? null : ids.get(username);
    }

    /** Runs a creation step and treats "already exists" as done, which makes the seed resumable. */
    private static void ignoreIfPresent(Supplier<?> step) {
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
    private String demoToken(DemoTenant tenant) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("research-portal-demo-token:" + tenant.code()
                    + ":" + password).getBytes(StandardCharsets.UTF_8));
            return "rp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void logAccounts(List<DemoTenant> demo) {
        var lines = new StringBuilder("\n\nDemo sign-ins (embedded default only), password '").append(password)
                .append("':\n");
        lines.append(String.format("  %-22s %s%n", DemoTenants.PLATFORM_ADMIN, "platform administrator"));
        for (DemoTenant tenant : demo) {
            for (DemoAccount a : tenant.accounts()) {
                lines.append(String.format("  %-22s %-32s %s%n", a.username(), tenant.name(),
                        a.roles().stream().sorted().map(Enum::name).toList()));
            }
        }
        lines.append("\nDemo API tokens (clinician role; e.g. curl -H 'Authorization: Bearer <token>'"
                + " http://localhost:8080/api/v1/studies):\n");
        demo.forEach(t -> lines.append(String.format("  %-10s %s%n", t.code(), demoToken(t))));
        log.info("{}", lines);
    }

}
