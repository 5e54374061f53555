package org.researchportal.participants.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit view shows each changed field once, with its value before and after. */
class AuditChangesTests {

    @Test
    void showsOnlyWhatChanged() {
        assertThat(AuditPanel.changes(Map.of("status", "ELIGIBLE", "name", "A"),
                Map.of("status", "ENROLLED", "name", "A", "armCode", "CONTROL")))
                .containsExactlyInAnyOrder("status: ELIGIBLE → ENROLLED", "armCode: – → CONTROL");
        assertThat(AuditPanel.changes(null, Map.of("name", "New"))).containsExactly("name: – → New");
        assertThat(AuditPanel.changes(Map.of("x", "1"), Map.of("x", "1"))).isEmpty();
    }

    @Test
    void leavesOutIdsAndShowsDaysAsDays() {
        var day = java.util.Date.from(java.time.Instant.parse("2026-08-15T00:00:00Z"));
        assertThat(AuditPanel.changes(null, Map.of("_id", "6b0318ebead612617aa72f16", "studyId",
                "6b0318ebead612617aa72edf", "tenantId", "fudan", "version", 0L, "screenedOn", day)))
                .containsExactly("screenedOn: – → 2026-08-15");
    }
}
