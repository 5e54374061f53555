package org.researchportal.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.storage.DatabaseReads;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every dashboard and record asks for its study's summary, several times a click: the summary is read without the
 * study's design (eligibility model, randomisation plan, schedule), which the summary does not show and which made
 * most of the cost of each read (issue 19, the round-trip profile).
 */
class StudySummaryReadTests extends PortalTest {

    private static final List<String> DESIGN = List.of("eligibility", "randomisation", "schedule");

    @Autowired
    StudyService studies;
    @Autowired
    DatabaseReads reads;

    @Test
    void theSummaryOfAStudyIsReadWithoutItsDesign() {
        String studyId = asClinician(() -> studies.studies().getFirst().id());
        // the demo's study has a design: the summary read must leave it in the database
        assertThat(asAdmin(() -> studies.eligibilityModel(studyId).criteria())).isNotEmpty();

        List<BsonDocument> finds = asClinician(() -> reads.findsDuring(() -> studies.study(studyId)));
        StudySummary summary = asClinician(() -> studies.study(studyId)).orElseThrow();

        assertThat(finds).hasSize(1);
        assertDesignLeftOut(finds.getFirst());
        StudyRecord whole = asAdmin(() -> studies.record(studyId));
        assertThat(summary.acronym()).isEqualTo(whole.acronym());
        assertThat(summary.title()).isEqualTo(whole.title());
        assertThat(summary.arms()).isEqualTo(whole.arms());
        assertThat(summary.targetEnrolment()).isEqualTo(whole.targetEnrolment());
    }

    @Test
    void theTenantsStudiesAreListedWithoutTheirDesigns() {
        List<BsonDocument> finds = asClinician(() -> reads.findsDuring(() -> studies.studies()));

        assertThat(finds).hasSize(1);
        assertDesignLeftOut(finds.getFirst());
        assertThat(asClinician(() -> studies.studies())).extracting(StudySummary::acronym).isNotEmpty();
    }

    private static void assertDesignLeftOut(BsonDocument find) {
        assertThat(find.getString("find").getValue()).isEqualTo("studies");
        BsonDocument projection = find.getDocument("projection", new BsonDocument());
        assertThat(DESIGN).allSatisfy(field -> assertThat(projection.containsKey(field)
                && projection.get(field).asNumber().intValue() == 0).as(field + " left out").isTrue());
    }

    private <T> T asClinician(Supplier<T> work) {
        return asSystem("fudan", EnumSet.of(PortalRole.CLINICIAN), work);
    }

    private <T> T asAdmin(Supplier<T> work) {
        return asSystem("fudan", EnumSet.of(PortalRole.TENANT_ADMIN), work);
    }
}
