package org.researchportal.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

/** Two administrators editing one study record: the second save is refused, not silently applied over the first. */
class StudyEditingTests extends PortalTest {

    @Autowired
    StudyService studies;

    private static StudyRecord withTitle(StudyRecord r, String title) {
        return new StudyRecord(r.acronym(), title, r.registryId(), r.arms(), r.targetEnrolment(), r.contactPhone(),
                r.contactEmail(), r.version());
    }

    @Test
    void aStaleRecordIsRefused() {
        signIn("lakeside.admin");
        String id = studies.studies().getFirst().id();
        StudyRecord first = studies.record(id);
        StudyRecord second = studies.record(id);
        String original = first.title();
        try {
            studies.update(id, withTitle(first, "Edited by the first administrator"));
            assertThatThrownBy(() -> studies.update(id, withTitle(second, "Edited by the second")))
                    .isInstanceOf(OptimisticLockingFailureException.class);
            assertThat(studies.record(id).title()).isEqualTo("Edited by the first administrator");
        } finally {
            studies.update(id, withTitle(studies.record(id), original));
        }
    }
}
