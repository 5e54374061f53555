package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.Account;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.identity.ReauthenticatedAtProvider;
import org.researchportal.identity.SigningProof;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The principal investigator signs a participant's timepoint after typing their password again; nobody else signs;
 * a later change to the signed data, through the assessment service as any correction, voids the signature visibly;
 * wrong passwords count toward the account's lock-out.
 */
class SignaturesTests extends PortalTest {

    private static final String PI_PASSWORD = "investigator-signs-1";
    private static final Map<String, String> STIFFNESS = Map.of("stiffness", "4", "morning_minutes", "20");

    @Autowired
    Signatures signatures;
    @Autowired
    AssessmentService assessments;
    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    TenantDocuments documents;
    @Autowired
    StudyService studies;
    @Autowired
    AccountService accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuthenticationConfiguration authentication;

    private record Setting(String study, String participant, String timepoint, String investigator) {}

    /** A new clinician named the study's investigator, and a fresh week-8 stiffness entry to sign. */
    private Setting investigatorWithDataToSign() throws Exception {
        signIn("fudan.admin");
        String username = "pi" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Dr Principal Investigator", null, "en",
                Set.of(PortalRole.CLINICIAN), PI_PASSWORD));
        String study = studies.studies().getFirst().id();
        String accountId = accounts.accounts(org.springframework.data.domain.Pageable.unpaged()).stream()
                .filter(a -> a.username().equals(username)).findFirst().orElseThrow().id();
        studies.appointPrincipalInvestigator(study, accountId);

        signIn("fudan.assessor");
        var withStiffness = studies.schedule(study).stream().filter(t -> t.instruments().contains("stiffness"))
                .map(t -> t.code()).toList();
        // The last participant and timepoint with no stiffness form yet (the REDCap tests hold the first ones to the
        // demo as seeded).
        String[] free = assessments.worklist(study).stream().map(DueAssessment::participantId).distinct()
                .flatMap(p -> withStiffness.stream()
                        .filter(t -> assessments.find(p, t, "stiffness").isEmpty()).map(t -> new String[] {p, t}))
                .reduce((first, later) -> later).orElseThrow();
        var due = new Object() {
            String participantId() {
                return free[0];
            }

            String timepoint() {
                return free[1];
            }
        };
        assessments.record(due.participantId(), due.timepoint(), "stiffness", LocalDate.now(), STIFFNESS, null);
        signInWith(username, PI_PASSWORD);
        return new Setting(study, due.participantId(), due.timepoint(), username);
    }

    private void signInWith(String username, String password) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(authentication.getAuthenticationManager()
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password)));
    }

    @Test
    void theInvestigatorSignsATimepointWithTheirPasswordAndTheSignatureSaysWhoWhenAndWhat() throws Exception {
        Setting s = investigatorWithDataToSign();
        String stiffness = ClinicalForm.instrument(s.study(), s.participant(), s.timepoint(), "stiffness").key();
        assertThat(signatures.awaiting(s.study())).anySatisfy(a -> {
            assertThat(a.participantId()).isEqualTo(s.participant());
            assertThat(a.timepoint()).isEqualTo(s.timepoint());
        });

        SignatureRecord signed = signatures.sign(s.participant(), s.timepoint(), s.investigator(), PI_PASSWORD);

        assertThat(signed.valid()).isTrue();
        assertThat(signed.signerName()).isEqualTo("Dr Principal Investigator");
        assertThat(signed.signerAccountId()).isEqualTo(CurrentUser.require().accountId());
        assertThat(signed.meaning()).isEqualTo(SignatureRecord.REVIEWED_AND_APPROVED);
        assertThat(signed.method()).isEqualTo(SigningProof.Method.LOCAL_PASSWORD);
        assertThat(signed.forms()).contains(stiffness);
        assertThat(signed.digest()).hasSize(64);
        assertThat(signatures.ofParticipant(s.participant())).extracting(SignatureRecord::id).contains(signed.id());
        assertThat(signatures.validByForm(s.study()).get(s.participant()).get(stiffness))
                .extracting(SignatureRecord::id).containsExactly(signed.id());
        assertThat(signatures.awaiting(s.study())).noneSatisfy(a -> {
            assertThat(a.participantId()).isEqualTo(s.participant());
            assertThat(a.timepoint()).isEqualTo(s.timepoint());
        });
        assertThat(audit.history(Signatures.ENTITY, signed.id())).extracting(e -> e.getAction())
                .containsExactly("signature.signed");
    }

    @Test
    void aClinicianWhoIsNotThePrincipalInvestigatorCannotSign() throws Exception {
        Setting s = investigatorWithDataToSign();
        signIn("fudan.clinician");
        assertThatThrownBy(() -> signatures.sign(s.participant(), s.timepoint(), "fudan.clinician", PASSWORD))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(signatures.ofParticipant(s.participant())).noneMatch(r -> r.timepoint() != null
                && r.signerUsername().equals("fudan.clinician"));
    }

    @Test
    void aChangeToSignedDataVoidsTheSignatureAndKeepsWhoWhenAndWhy() throws Exception {
        Setting s = investigatorWithDataToSign();
        SignatureRecord signed = signatures.sign(s.participant(), s.timepoint(), s.investigator(), PI_PASSWORD);

        signIn("fudan.assessor");
        assessments.record(s.participant(), s.timepoint(), "stiffness", LocalDate.now(), Map.of("stiffness", "6",
                "morning_minutes", "20"), "Transcription error");

        signIn("fudan.monitor");
        SignatureRecord voided = signatures.ofParticipant(s.participant()).stream()
                .filter(r -> r.id().equals(signed.id())).findFirst().orElseThrow();
        assertThat(voided.valid()).isFalse();
        assertThat(voided.voidedAt()).isNotNull();
        assertThat(voided.voidedByName()).isEqualTo("Assessor Demo");
        assertThat(voided.voidReason()).isEqualTo("Transcription error");
        assertThat(voided.signerName()).as("who signed stays").isEqualTo("Dr Principal Investigator");
        assertThat(signatures.awaiting(s.study())).anySatisfy(a -> {
            assertThat(a.participantId()).isEqualTo(s.participant());
            assertThat(a.timepoint()).isEqualTo(s.timepoint());
            assertThat(a.voided()).isTrue();
        });
        // Other tests may sign this participant's other timepoints: this one's form has no valid signature left.
        assertThat(signatures.validByForm(s.study()).getOrDefault(s.participant(), Map.of())).doesNotContainKey(
                org.researchportal.base.clinical.ClinicalForm.instrument(s.study(), s.participant(), s.timepoint(),
                        "stiffness").key());
        signIn("fudan.admin");
        assertThat(audit.history(Signatures.ENTITY, signed.id())).extracting(e -> e.getAction())
                .containsExactly("signature.voided", "signature.signed");
    }

    @Test
    void wrongPasswordsAreRefusedAtTheFieldAndCountTowardTheLockOut() throws Exception {
        Setting s = investigatorWithDataToSign();
        for (int i = 0; i < Account.MAX_FAILED_SIGN_INS; i++) {
            assertThatThrownBy(() -> signatures.sign(s.participant(), s.timepoint(), s.investigator(),
                    "not-my-password"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                            .containsEntry("password", "signing.password.wrong"));
        }
        assertThatThrownBy(() -> signInWith(s.investigator(), PI_PASSWORD)).isInstanceOf(LockedException.class);
        assertThat(signatures.ofParticipant(s.participant())).noneMatch(r -> s.timepoint().equals(r.timepoint()));
    }

    @Test
    void theInvestigatorSignsAParticipantsAdverseEventsAndAFollowUpVoidsThatSignature() throws Exception {
        Setting s = investigatorWithDataToSign();
        var report = new AdverseEventReport(LocalDate.now().minusDays(2), "Knee swelling after a session", "knee", 1,
                false, AdverseEventReport.Relatedness.POSSIBLE, AdverseEventReport.Action.NONE,
                AdverseEventReport.Outcome.ONGOING, null);
        String event = adverseEvents.report(s.participant(), report);
        String form = ClinicalForm.adverseEvent(s.study(), s.participant(), event).key();

        SignatureRecord signed = signatures.sign(s.participant(), null, s.investigator(), PI_PASSWORD);
        assertThat(signed.scope()).isEqualTo(SignatureScope.ADVERSE_EVENTS);
        assertThat(signed.forms()).contains(form);
        assertThat(signatures.awaiting(s.study())).noneSatisfy(a -> {
            assertThat(a.participantId()).isEqualTo(s.participant());
            assertThat(a.scope()).isEqualTo(SignatureScope.ADVERSE_EVENTS);
        });

        adverseEvents.update(event, new AdverseEventReport(report.onset(), report.description(), "knee", 1, false,
                AdverseEventReport.Relatedness.POSSIBLE, AdverseEventReport.Action.NONE,
                AdverseEventReport.Outcome.RECOVERED, LocalDate.now()), "Follow-up call: resolved");
        assertThat(signatures.ofParticipant(s.participant())).filteredOn(r -> r.id().equals(signed.id()))
                .singleElement().satisfies(r -> {
                    assertThat(r.valid()).isFalse();
                    assertThat(r.voidedForm()).isEqualTo(form);
                    assertThat(r.voidReason()).isEqualTo("Follow-up call: resolved");
                });
    }

    /** What a signing through the identity provider carries as its purpose, as the service makes it. */
    private String purposeOf(String participant, String timepoint) throws Exception {
        Object target = org.springframework.aop.framework.AopProxyUtils.getSingletonTarget(signatures);
        var signable = Signatures.class.getDeclaredMethod("signable", String.class, String.class);
        signable.setAccessible(true);
        Object signed = signable.invoke(target, participant, timepoint);
        var purpose = signed.getClass().getDeclaredMethod("purpose");
        purpose.setAccessible(true);
        return (String) purpose.invoke(signed);
    }

    @Test
    void aSigningReauthenticatedAtKeycloakIsFinishedOnceAndOnlyOverTheDataAsTheyWere() throws Exception {
        Setting s = investigatorWithDataToSign();
        String reference = ReauthenticatedAtProvider.signing(documents, purposeOf(s.participant(), s.timepoint()));

        SignatureRecord signed = signatures.completeSigning(reference);
        assertThat(signed.method()).isEqualTo(SigningProof.Method.IDENTITY_PROVIDER);
        assertThat(signed.timepoint()).isEqualTo(s.timepoint());
        assertThat(signed.signerName()).isEqualTo("Dr Principal Investigator");
        assertThatThrownBy(() -> signatures.completeSigning(reference)).as("a reload signs nothing twice")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("signature", "signature.reauthentication-failed"));

        String stale = ReauthenticatedAtProvider.signing(documents, purposeOf(s.participant(), s.timepoint()));
        String investigator = s.investigator();
        signIn("fudan.assessor");
        assessments.record(s.participant(), s.timepoint(), "stiffness", LocalDate.now(), Map.of("stiffness", "7",
                "morning_minutes", "20"), "Corrected while the investigator was at Keycloak");
        signInWith(investigator, PI_PASSWORD);
        assertThatThrownBy(() -> signatures.completeSigning(stale)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsEntry("signature",
                        "signature.data-changed"));
    }
}
