package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SealedValues;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Randomisation with concealment: only eligible, consented candidates are randomised; the sequence cannot be read
 * ahead, in the portal or the database; an allocation never changes; an interrupted randomisation resumes with the
 * same place.
 */
class RandomisationTests extends TrialTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    SealedValues sealed;
    @Autowired
    MongoOperations mongo;

    private TrialFixture trial;

    @BeforeEach
    void newTrial() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 24);
    }

    private String candidate(String name) {
        return trial.eligibleConsentedCandidate(screening, consent, name);
    }

    private Document stored(String participantId) {
        return mongo.findById(participantId, Document.class, "participants");
    }

    @Test
    void aFullStudyIsBalancedBlockByBlockAndEveryAllocationIsRecorded() {
        Map<Integer, Map<String, Integer>> byBlock = new HashMap<>();
        for (int i = 1; i <= 24; i++) {
            String id = candidate("Participant " + i);
            trial.asClinician(() -> randomisation.randomise(id, Map.of()));
            Document p = stored(id);
            Document record = p.get("randomisation", Document.class);
            assertThat(p.getString("status")).isEqualTo("ENROLLED");
            assertThat(p.getString("studyNumber")).isEqualTo("TEST-%03d".formatted(i));
            assertThat(record.getString("by")).isEqualTo("system:test-clinician");
            // Where blocks end stays in the sealed sequence: the participant's record has no block or position.
            assertThat(record.keySet()).doesNotContain("block", "position");
            Document slot = mongo.findOne(Query.query(Criteria.where("participantId").is(id)), Document.class,
                    "allocation_slots");
            byBlock.computeIfAbsent(slot.getInteger("block"), b -> new HashMap<>())
                    .merge(p.getString("armCode"), 1, Integer::sum);
        }
        // Every block the 24 filled completely holds as many of each arm; only the last may be part-filled.
        List<Integer> blockNumbers = new ArrayList<>(byBlock.keySet());
        blockNumbers.sort(null);
        for (int block : blockNumbers.subList(0, blockNumbers.size() - 1)) {
            assertThat(byBlock.get(block).get("EXERCISE")).isEqualTo(byBlock.get(block).get("CONTROL"));
        }
    }

    @Test
    void onlyEligibleConsentedCandidatesAreRandomisedAndNothingIsUsedUpOtherwise() {
        String notConsented = trial.asClinician(() -> {
            String id = screening.screen(trial.studyId(), new NewCandidate("No Consent", LocalDate.now(), null, null,
                    "en", "Asia/Shanghai", null));
            screening.assessEligibility(id, TrialFixture.ELIGIBLE_MEASURES, TrialFixture.ELIGIBLE_ANSWERS, null);
            return id;
        });
        assertThatThrownBy(() -> trial.asClinician(() -> randomisation.randomise(notConsented, Map.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsValue("randomise.no-consent"));
        String screenedOnly = trial.asClinician(() -> screening.screen(trial.studyId(), new NewCandidate(
                "Only Screened",
                LocalDate.now(), null, null, "en", "Asia/Shanghai", null)));
        assertThatThrownBy(() -> trial.asClinician(() -> randomisation.randomise(screenedOnly, Map.of())))
                .isInstanceOf(ValidationException.class);
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(trial.tenantId()).and("participantId")
                .ne(null)), "allocation_slots")).isZero();
    }

    @Test
    void anAllocationNeverChanges() {
        String id = candidate("Allocated Once");
        String arm = trial.asClinician(() -> randomisation.randomise(id, Map.of()));
        String code = stored(id).getString("armCode");
        assertThatThrownBy(() -> trial.asClinician(() -> randomisation.randomise(id, Map.of())))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.recordConsent(id, "v3", LocalDate.now(), true,
                true))).isInstanceOf(ValidationException.class);
        assertThat(stored(id).getString("armCode")).isEqualTo(code);
        assertThat(arm).isIn("Exercise", "Control");
    }

    @Test
    void theSequenceCannotBeReadAheadInThePortalOrInTheDatabase() {
        List<Document> slots = mongo.find(Query.query(Criteria.where("tenantId").is(trial.tenantId())), Document.class,
                "allocation_slots");
        assertThat(slots).hasSizeGreaterThanOrEqualTo(24);
        for (Document slot : slots) {
            assertThat(slot.toJson()).doesNotContain("EXERCISE").doesNotContain("CONTROL");
        }
        // The service's whole API: nothing that answers an unused place (isSetUp answers only whether a sequence
        // exists for each stratum).
        assertThat(Arrays.stream(RandomisationService.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName))
                .containsExactlyInAnyOrder("setUp", "isSetUp", "randomise", "emergencyUnblind");
        // The next participant's arm is whatever the next sealed place holds, and only claiming opens it.
        Document next = slots.stream().min((a, b) -> a.getInteger("position") - b.getInteger("position")).orElseThrow();
        String id = candidate("Next In Line");
        trial.asClinician(() -> randomisation.randomise(id, Map.of()));
        assertThat(stored(id).getString("armCode")).isEqualTo(sealed.open(next.getString("sealedArm")));
    }

    @Test
    void anInterruptedRandomisationResumesWithTheSamePlace() {
        String id = candidate("Interrupted");
        // As if a node claimed the second place for this participant and stopped before recording it.
        Document second = mongo.findOne(Query.query(Criteria.where("tenantId").is(trial.tenantId()).and("position")
                .is(2)), Document.class, "allocation_slots");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(second.get("_id"))),
                Update.update("participantId", id), "allocation_slots");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                Update.update("randomisingSince", Instant.now().minusSeconds(60)), "participants");

        assertThatThrownBy(() -> trial.asClinician(() -> randomisation.randomise(id, Map.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsValue("randomise.in-progress"));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                Update.update("randomisingSince", Instant.now().minus(RandomisationService.LEASE).minusSeconds(1)),
                "participants");
        trial.asClinician(() -> randomisation.randomise(id, Map.of()));
        assertThat(stored(id).getString("armCode")).isEqualTo(sealed.open(second.getString("sealedArm")));
        assertThat(stored(id).get("randomisation", Document.class).get("slotId")).hasToString(
                second.get("_id").toString());
    }

    @Test
    void twoCliniciansRandomisingOneParticipantAtOnceEnrolThemOnce() throws Exception {
        String id = candidate("Double Click");
        List<Callable<String>> both = List.of(() -> trial.asClinician(() -> randomisation.randomise(id, Map.of())),
                () -> trial.asClinician(() -> randomisation.randomise(id, Map.of())));
        List<String> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (Future<String> outcome : pool.invokeAll(both)) {
                try {
                    outcomes.add(outcome.get());
                } catch (ExecutionException refused) {
                    assertThat(refused.getCause()).isInstanceOf(ValidationException.class);
                    outcomes.add("refused");
                }
            }
        }
        assertThat(outcomes).filteredOn("refused"::equals).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where("participantId").is(id)), "allocation_slots")).isOne();
        assertThat(stored(id).getString("status")).isEqualTo("ENROLLED");
    }

    @Test
    void parallelSetUpsWriteOnlyWholeBalancedBatches() throws Exception {
        var fresh = TrialFixture.createWithoutSetUp(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 12);
        List<Callable<Void>> setUps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            setUps.add(() -> SystemActor.callAs("test", fresh.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN),
                    () -> {
                        randomisation.setUp(fresh.studyId());
                        return null;
                    }));
        }
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (Future<Void> done : pool.invokeAll(setUps)) {
                done.get();
            }
        }
        List<Document> slots = mongo.find(Query.query(Criteria.where("tenantId").is(fresh.tenantId())),
                Document.class, "allocation_slots");
        assertThat(slots.stream().map(s -> s.getInteger("position")).distinct().count()).isEqualTo(slots.size());
        Map<Integer, Map<String, Integer>> byBlock = new HashMap<>();
        slots.forEach(s -> byBlock.computeIfAbsent(s.getInteger("block"), b -> new HashMap<>())
                .merge(sealed.open(s.getString("sealedArm")), 1, Integer::sum));
        assertThat(byBlock.values()).allSatisfy(arms -> assertThat(arms.get("EXERCISE")).isEqualTo(arms.get(
                "CONTROL")));
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(fresh.tenantId())), "allocation_batches"))
                .isBetween(1L, 4L);
    }

    @Test
    void randomisingLeavesExactlyOneAuditRecordAndUnblindingNeedsAReason() {
        String id = candidate("Audited");
        trial.asClinician(() -> randomisation.randomise(id, Map.of()));
        List<AuditEvent> trail = trial.asClinician(() -> audit.history("Participant", id));
        assertThat(trail).filteredOn(e -> e.getAction().equals("participant.randomised")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getBefore()).containsEntry("status", "ELIGIBLE");
                    assertThat(e.getAfter()).containsEntry("status", "ENROLLED").containsKey("armCode");
                });
        assertThatThrownBy(() -> trial.asClinician(() -> randomisation.emergencyUnblind(id, "  ")))
                .isInstanceOf(ValidationException.class);
        String arm = trial.asClinician(() -> randomisation.emergencyUnblind(id, "Admitted to A&E with chest pain"));
        assertThat(arm).isIn("Exercise", "Control");
        assertThat(trial.asClinician(() -> participants.participantRecord(id)).unblindings()).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo("Admitted to A&E with chest pain"));
        assertThat(trial.asClinician(() -> audit.history("Participant", id)))
                .extracting(AuditEvent::getAction).contains("participant.emergency-unblinded");
    }

    @Test
    void anotherTenantsClinicianCannotRandomiseOrUnblind() {
        String id = candidate("Not Yours");
        signIn("fudan.clinician");
        assertThatThrownBy(() -> randomisation.randomise(id, Map.of())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> randomisation.emergencyUnblind(id, "curious")).isInstanceOf(NotFoundException.class);
        assertThat(stored(id).getString("status")).isEqualTo("ELIGIBLE");
    }

    @Test
    void aStratifiedPlanNeedsALevelForEveryFactor() {
        var stratified = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.strideRandomisation()
                .withRatio(Map.of("EXERCISE", 1, "CONTROL", 1)), 8);
        String id = stratified.eligibleConsentedCandidate(screening, consent, "Older Person");
        assertThatThrownBy(() -> stratified.asClinician(() -> randomisation.randomise(id, Map.of("age", "ninety"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsKey("stratum.age"));
        stratified.asClinician(() -> randomisation.randomise(id, Map.of("age", "65-plus")));
        assertThat(stored(id).get("randomisation", Document.class).getString("stratum")).isEqualTo("age=65-plus");
        assertThat(Set.of("age=under-65", "age=65-plus")).allSatisfy(stratum -> assertThat(mongo.count(
                Query.query(Criteria.where("tenantId").is(stratified.tenantId()).and("stratum").is(stratum)),
                "allocation_slots")).isGreaterThanOrEqualTo(8));
    }
}
