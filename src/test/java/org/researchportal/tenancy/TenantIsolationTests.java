package org.researchportal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountRow;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.EnrolmentCounts;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.StudyRecord;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A person of one tenant who uses ids of another gets "not found" and changes nothing; tenant-owned data cannot be
 * touched without a tenant at all.
 */
class TenantIsolationTests extends PortalTest {

    @Autowired
    StudyService studies;
    @Autowired
    ParticipantService participants;
    @Autowired
    EnrolmentCounts enrolmentCounts;
    @Autowired
    AccountService accounts;
    @Autowired
    TenantDocuments documents;
    @Autowired
    MongoOperations mongo;

    private StudySummary lakesideStudy() {
        return asSystem("lakeside", Set.of(PortalRole.TENANT_ADMIN), () -> studies.studies().getFirst());
    }

    @Test
    void aClinicianSeesOnlyTheirOwnTenantsStudiesAndParticipants() {
        signIn("fudan.clinician");
        assertThat(studies.studies()).extracting(StudySummary::acronym).containsExactly("RE-MS");
        String fudanStudy = studies.studies().getFirst().id();
        assertThat(participants.participants(fudanStudy, Pageable.unpaged()).getContent())
                .hasSize(12).allSatisfy(p -> assertThat(p.displayName()).doesNotContain("Sample", "Testcase"));
    }

    @Test
    void anotherTenantsStudyIdAnswersNotFound() {
        StudySummary lakeside = lakesideStudy();
        signIn("fudan.clinician");
        assertThat(studies.study(lakeside.id())).isEmpty();
        assertThatThrownBy(() -> enrolmentCounts.progress(lakeside.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> participants.participants(lakeside.id(), Pageable.unpaged()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherTenantsStudyCannotBeChangedAndStaysByteForByteTheSame() {
        StudySummary lakeside = lakesideStudy();
        var before = mongo.findById(lakeside.id(), org.bson.Document.class, "studies");
        signIn("fudan.admin");
        var hijack = new StudyRecord("HIJACK", "Taken over", null, lakeside.arms(), 99, null, null, 0L);
        assertThatThrownBy(() -> studies.update(lakeside.id(), hijack)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> studies.record(lakeside.id())).isInstanceOf(NotFoundException.class);
        assertThat(mongo.findById(lakeside.id(), org.bson.Document.class, "studies")).isEqualTo(before);
    }

    @Test
    void anotherTenantsAccountCannotBeDeactivatedOrGivenRoles() {
        AccountRow lakesideClinician = asSystem("lakeside", Set.of(PortalRole.TENANT_ADMIN),
                () -> accounts.accountsWithRole(PortalRole.CLINICIAN).getFirst());
        var before = mongo.findById(lakesideClinician.id(), org.bson.Document.class, "accounts");
        signIn("fudan.admin");
        assertThatThrownBy(() -> accounts.setActive(lakesideClinician.id(), false))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.changeRoles(lakesideClinician.id(), Set.of(PortalRole.TENANT_ADMIN)))
                .isInstanceOf(NotFoundException.class);
        assertThat(accounts.accounts(Pageable.unpaged()).getContent()).extracting(AccountRow::username)
                .contains("fudan.admin").noneMatch(u -> u.startsWith("lakeside.") || u.equals("platform.admin"));
        assertThat(mongo.findById(lakesideClinician.id(), org.bson.Document.class, "accounts")).isEqualTo(before);
    }

    @Test
    void updatesAndQueriesNeverTouchAnotherTenantsDocuments() {
        StudySummary lakeside = lakesideStudy();
        signIn("fudan.clinician");
        long matched = documents.updateFirst(Query.query(Criteria.where("_id").is(lakeside.id())),
                Update.update("targetEnrolment", 1), org.researchportal.study.Study.class);
        assertThat(matched).isZero();
        assertThat(documents.updateMulti(Query.query(Criteria.where("_id").in(lakeside.id())), Update.update(
                "targetEnrolment", 1), org.researchportal.study.Study.class)).isZero();
        assertThatThrownBy(() -> documents.find(Query.query(Criteria.where(TenantDocuments.TENANT_FIELD)
                .is("lakeside")), org.researchportal.study.Study.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> documents.updateFirst(new Query(), Update.update(TenantDocuments.TENANT_FIELD,
                "lakeside"), org.researchportal.study.Study.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutATenantNothingIsReadOrWritten() {
        assertThatThrownBy(() -> documents.find(new Query(), org.researchportal.study.Study.class))
                .isInstanceOf(NoTenantInScopeException.class);
        signIn("platform.admin");
        assertThatThrownBy(() -> documents.count(new Query(), org.researchportal.study.Study.class))
                .isInstanceOf(NoTenantInScopeException.class);
    }
}
