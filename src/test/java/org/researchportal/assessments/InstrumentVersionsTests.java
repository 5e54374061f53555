package org.researchportal.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.reporting.StudyExports;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Instruments as versioned data: a draft changes until published, a published version never changes, new entries
 * use the newest version and earlier ones keep theirs (in the form, at a change and in the exports); a data dictionary
 * comes in whole or not at all; an installation from before versions is brought up to date.
 */
class InstrumentVersionsTests extends PortalTest {

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ScreeningService screening;
    @Autowired
    ConsentService consent;
    @Autowired
    AssessmentService assessments;
    @Autowired
    InstrumentDesigner designer;
    @Autowired
    InstrumentLibrary library;
    @Autowired
    InstrumentsBeforeVersions upgrade;
    @Autowired
    StudyExports exports;
    @Autowired
    AuditTrail audit;
    @Autowired
    MongoOperations mongo;

    private TrialFixture trial;

    @BeforeEach
    void aStudyWithStiffnessAtBaselineAndWeekSix() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        asAdmin(() -> {
            studies.configureSchedule(trial.studyId(), List.of(
                    new Timepoint("baseline", "Baseline", "基线", 0, 14, 3, List.of("stiffness")),
                    new Timepoint("week_6", "Week 6", "第6周", 0, 7, 7, List.of("stiffness"))));
            return null;
        });
    }

    private <T> T asAdmin(Supplier<T> work) {
        return asSystem(trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), work);
    }

    private <T> T asAssessor(Supplier<T> work) {
        return asSystem(trial.tenantId(), EnumSet.of(PortalRole.ASSESSOR), work);
    }

    /** Stiffness with one more item: whether it woke her at night. */
    private static Instrument stiffnessWithNightPain() {
        Instrument v1 = StandardInstruments.stiffness();
        List<Item> items = new ArrayList<>(v1.items());
        items.add(new Item("night_stiffness", ItemType.YES_NO, new Wording("Woken by stiffness at night",
                "夜间因僵硬醒来"), null, null, null, null, List.of(), false, null, null, null, false, null));
        return new Instrument(v1.code(), v1.name(), items, v1.note());
    }

    @Test
    void aPublishedVersionNeverChangesAndEachEntryKeepsTheVersionItWasMadeWith() {
        String id = trial.asClinician(() -> trial.randomised(screening, consent, randomisation,
                TrialFixture.candidate("Version Test")));
        assertThat(asAdmin(() -> designer.saveDraft(stiffnessWithNightPain(), 1))).isEqualTo(2);
        assertThat(asAssessor(() -> library.instrument("stiffness")).orElseThrow())
                .as("a draft is not what entries use").isEqualTo(StandardInstruments.stiffness());
        AssessmentRecord baseline = asAssessor(() -> assessments.record(id, "baseline", "stiffness", LocalDate.now(),
                Map.of("stiffness", "4", "morning_minutes", "20"), null));
        assertThat(baseline.instrumentVersion()).isEqualTo(1);

        assertThat(asAdmin(() -> designer.publish("stiffness", stiffnessWithNightPain()))).isEqualTo(2);
        assertThat(asAdmin(() -> designer.versions("stiffness"))).extracting(InstrumentVersionRow::number,
                InstrumentVersionRow::published).containsExactly(org.assertj.core.groups.Tuple.tuple(1, true),
                        org.assertj.core.groups.Tuple.tuple(2, true));
        assertThat(asAdmin(() -> designer.versions("stiffness")).getFirst().instrument())
                .as("version 1 as it was published").isEqualTo(StandardInstruments.stiffness());

        AssessmentRecord week6 = asAssessor(() -> assessments.record(id, "week_6", "stiffness", LocalDate.now(),
                Map.of("stiffness", "3", "morning_minutes", "10", "night_stiffness", "1"), null));
        assertThat(week6.instrumentVersion()).isEqualTo(2);
        assertThat(asAssessor(() -> assessments.entry(id, "baseline", "stiffness")).orElseThrow().version())
                .isEqualTo(1);
        assertThat(asAssessor(() -> assessments.entry(id, "week_6", "stiffness")).orElseThrow().instrument())
                .isEqualTo(stiffnessWithNightPain());
        // A change to the baseline entry is checked against version 1, which has no such item.
        assertThatThrownBy(() -> asAssessor(() -> assessments.record(id, "baseline", "stiffness", LocalDate.now(),
                Map.of("stiffness", "4", "morning_minutes", "25", "night_stiffness", "1"), "Typo in minutes")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("item.night_stiffness", "assessment.item.unknown"));
        assertThat(asAssessor(() -> assessments.record(id, "baseline", "stiffness", LocalDate.now(),
                Map.of("stiffness", "4", "morning_minutes", "25"), "Typo in minutes")).instrumentVersion())
                .isEqualTo(1);

        var csv = new StringWriter();
        trial.doAsClinician(() -> exports.csv(trial.studyId(), csv));
        List<String> lines = csv.toString().lines().toList();
        List<String> header = List.of(lines.getFirst().split(","));
        int version = header.indexOf("stiffness.version");
        int night = header.indexOf("stiffness.night_stiffness");
        assertThat(version).isPositive();
        assertThat(night).as("an item of the newest version").isPositive();
        assertThat(lines.stream().skip(1).map(l -> l.split(",", -1)).filter(r -> !r[version].isEmpty())
                .map(r -> r[version] + "/" + r[night])).containsExactlyInAnyOrder("1/", "2/1");
    }

    @Test
    void aDraftChangesUntilPublishedAndCanBeDiscarded() {
        assertThat(asAdmin(() -> designer.saveDraft(stiffnessWithNightPain(), 1))).isEqualTo(2);
        assertThat(asAdmin(() -> designer.saveDraft(StandardInstruments.stiffness(), 2))).as("the same draft again")
                .isEqualTo(2);
        assertThat(asAdmin(() -> designer.designs())).filteredOn(r -> r.code().equals("stiffness")).singleElement()
                .satisfies(r -> assertThat(r.published()).isFalse());
        assertThatThrownBy(() -> asAdmin(() -> designer.publish("stiffness", StandardInstruments.stiffness())))
                .as("a draft identical to version 1 is not a new version").isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsEntry("instrument",
                                "instrument.unchanged"));
        asAdmin(() -> {
            designer.discardDraft("stiffness");
            return null;
        });
        assertThat(asAdmin(() -> designer.versions("stiffness"))).singleElement()
                .satisfies(r -> assertThat(r.published()).isTrue());
        assertThat(audit.getClass()).isNotNull();
        assertThatThrownBy(() -> asAdmin(() -> designer.publish("stiffness", StandardInstruments.stiffness())))
                .as("nothing to publish without a draft").isInstanceOf(RuntimeException.class);
    }

    @Test
    void theLastSaveNeverSilentlyWinsAndAFormDrawnFromAnOlderVersionIsNotSavedUnderANewerOne() {
        assertThat(asAdmin(() -> designer.saveDraft(stiffnessWithNightPain(), 1))).isEqualTo(2);
        // A second administrator still has version 1 open and saves it as "the next draft".
        assertThatThrownBy(() -> asAdmin(() -> designer.saveDraft(StandardInstruments.stiffness(), 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("instrument", "instrument.changed-meanwhile"));
        assertThatThrownBy(() -> asAdmin(() -> designer.saveDraft(StandardInstruments.stiffness(), null)))
                .as("a new instrument with a code taken").isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsEntry("code", "instrument.code.taken"));
        // Publishing what the draft no longer holds is refused; what it holds is published.
        assertThatThrownBy(() -> asAdmin(() -> designer.publish("stiffness", StandardInstruments.stiffness())))
                .isInstanceOf(ValidationException.class);
        assertThat(asAdmin(() -> designer.versions("stiffness")).getLast().published()).isFalse();

        String id = trial.asClinician(() -> trial.randomised(screening, consent, randomisation,
                TrialFixture.candidate("Form Drawn Earlier")));
        InstrumentEntry drawn = asAssessor(() -> assessments.entry(id, "baseline", "stiffness")).orElseThrow();
        assertThat(drawn.version()).isEqualTo(1);
        asAdmin(() -> designer.publish("stiffness", stiffnessWithNightPain()));
        assertThatThrownBy(() -> asAssessor(() -> assessments.record(id, "baseline", "stiffness", drawn.version(),
                LocalDate.now(), Map.of("stiffness", "4", "morning_minutes", "20"), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("instrument", "instrument.version-changed"));
        assertThat(asAssessor(() -> assessments.find(id, "baseline", "stiffness"))).isEmpty();
    }

    @Test
    void anItemCodeIsNotAnotherFormsCompletionField() {
        Instrument clashing = new Instrument("ward_check", new Wording("Ward check", null), List.of(
                Item.number("grip_complete", ItemType.INTEGER, "Grip done", "握力完成", 0, 2, null, false)), null);
        assertThatThrownBy(() -> asAdmin(() -> designer.saveDraft(clashing, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("items.0.code", "instrument.item.code.completion"));
    }

    @Test
    void anItemCodeNamesOneQuestionInTheWholeStudy() {
        Instrument borrowing = new Instrument("my_pain", new Wording("My pain", null), List.of(
                Item.number("worst", ItemType.INTEGER, "Worst", "最严重", 0, 10, null, true)), null);
        assertThatThrownBy(() -> asAdmin(() -> designer.saveDraft(borrowing, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldMessageKeys()).containsEntry("items.0.code", "instrument.item.code.elsewhere");
                    assertThat(e.arguments("items.0.code")).containsExactly("worst", "bpi_sf");
                });
    }

    @Test
    void aDictionaryWithOneBadRowStoresNothing() {
        String dictionary = asAdmin(() -> designer.exportDictionary());
        assertThat(dictionary).isEqualTo(StandardInstruments.dictionary());
        assertThat(asAdmin(() -> designer.importDictionary(dictionary))).as("nothing changed, nothing drafted")
                .isEmpty();

        String changed = dictionary.replace("\"Joint stiffness today\"", "\"Joint stiffness today (0-10)\"")
                + "extra,ward_round,,text,Extra,,,integer,5,1,,,,,,,,\n";
        List<InstrumentVersionRow> before = asAdmin(() -> designer.designs());
        assertThatThrownBy(() -> asAdmin(() -> designer.importDictionary(changed)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldMessageKeys()).containsEntry("reason", "instrument.item.range.invalid");
                    assertThat(e.arguments("file")).containsExactly(38, "Text Validation Min");
                });
        assertThat(asAdmin(() -> designer.designs())).as("the good rows were not imported either")
                .isEqualTo(before);

        String fixed = changed.replace("integer,5,1", "integer,1,5");
        assertThat(asAdmin(() -> designer.importDictionary(fixed))).containsExactly("stiffness", "ward_round");
        assertThat(asAdmin(() -> designer.designs())).filteredOn(r -> !r.published())
                .extracting(InstrumentVersionRow::code, InstrumentVersionRow::number).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("stiffness", 2),
                        org.assertj.core.groups.Tuple.tuple("ward_round", 1));
    }

    @Test
    void anInstallationFromBeforeVersionsIsBroughtUpToDate() {
        String tenant = trial.tenantId();
        mongo.remove(Query.query(Criteria.where("tenantId").is(tenant).and("code").is("ai_adherence")),
                "instrument_versions");
        Document legacy = Document.parse("""
                {"code": "ai_adherence", "name": "Aromatase inhibitor adherence", "nameZh": "芳香化酶抑制剂依从性",
                 "items": [
                   {"code": "still_taking", "label": "Still taking", "labelZh": "仍在服用", "type": "YES_NO",
                    "required": true},
                   {"code": "missed_doses_30d", "label": "Missed doses", "labelZh": "漏服次数", "type": "INTEGER",
                    "min": 0.0, "max": 30.0, "required": false,
                    "requiredWhen": {"item": "still_taking", "answer": "yes"}}],
                 "scores": [{"code": "missed_share", "label": "Missed share", "labelZh": "漏服比例", "rule": "MEAN",
                    "items": ["missed_doses_30d"], "minAnswered": 1}]}""");
        mongo.insert(new Document(Map.of("tenantId", tenant, "code", "ai_adherence", "instrument", legacy)),
                "instruments");
        String id = trial.asClinician(() -> trial.randomised(screening, consent, randomisation,
                TrialFixture.candidate("Before Versions")));
        mongo.insert(new Document(Map.of("tenantId", tenant, "studyId", trial.studyId(), "participantId", id,
                "timepoint", "baseline", "instrument", "ai_adherence", "assessedOn", new java.util.Date(),
                "answers", Map.of("still_taking", "yes", "missed_doses_30d", "2"), "scores", Map.of(),
                "assessedBy", "someone", "recordedAt", new java.util.Date())), "assessments");

        assertThat(asAdmin(() -> upgrade.convert())).isEqualTo(1);
        assertThat(asAdmin(() -> upgrade.convert())).as("once").isZero();

        InstrumentVersionRow v1 = asAdmin(() -> designer.versions("ai_adherence")).getFirst();
        assertThat(v1.number()).isEqualTo(1);
        assertThat(v1.published()).isTrue();
        Instrument converted = v1.instrument();
        // Shown and optional as it was when not required: an answer given then is kept.
        assertThat(converted.item("missed_doses_30d").orElseThrow()).satisfies(i -> {
            assertThat(i.showWhen()).isNull();
            assertThat(i.required()).isFalse();
        });
        assertThat(converted.item("missed_share").orElseThrow().calculation()).isEqualTo("mean([missed_doses_30d])");
        InstrumentRules.check(converted);
        AssessmentRecord entry = asAssessor(() -> assessments.find(id, "baseline", "ai_adherence")).orElseThrow();
        assertThat(entry.answers()).containsEntry("still_taking", "1");
        assertThat(entry.instrumentVersion()).isEqualTo(1);
        assertThat(asAdmin(() -> audit.history(InstrumentDesigner.ENTITY, "ai_adherence")))
                .extracting(e -> e.getAction()).contains("instrument.versioned");
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), "instruments")).isZero();
    }
}
