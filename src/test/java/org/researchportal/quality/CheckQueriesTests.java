package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A soft edit check's failure, published in the thread of the assessor who saved (inside her Vaadin request, under
 * the production security configuration), opens one query by the system, with the monitor's authority only; the
 * same failure again while it stands opens none.
 */
class CheckQueriesTests extends UiTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DataQueries queries;
    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;

    @Test
    void anEditChecksFailureInTheAssessorsRequestOpensOneQueryByTheSystem() {
        assertThat(SecurityContextHolder.getContextHolderStrategy())
                .isInstanceOf(VaadinAwareSecurityContextHolderStrategy.class);
        signInToUi("lakeside.assessor");
        String study = studies.studies().getFirst().id();
        DataPoint point = assessments.worklist(study).stream().filter(d -> d.timepoint().equals("baseline"))
                .filter(d -> assessments.find(d.participantId(), "baseline", "bpi_sf").isPresent()).findFirst()
                .map(d -> ClinicalForm.instrument(study, d.participantId(), "baseline", "bpi_sf").item("least"))
                .orElseThrow();
        var failed = new EditCheckFailed("lakeside", point, "bpi_worst_below_least",
                "Worst pain is below least pain.", "最严重疼痛低于最轻疼痛。");

        events.publishEvent(failed);
        events.publishEvent(failed);

        assertThat(CurrentUser.require().username()).isEqualTo("lakeside.assessor");
        assertThat(queries.onPoint(point)).filteredOn(q -> "bpi_worst_below_least".equals(q.checkCode()))
                .singleElement().satisfies(q -> {
                    assertThat(q.state()).isEqualTo(QueryState.OPEN);
                    assertThat(q.assignee()).isEqualTo(PortalRole.ASSESSOR);
                    assertThat(q.thread().getFirst().by()).isEqualTo("system:edit-check");
                    assertThat(q.thread().getFirst().role()).isNull();
                    assertThat(q.thread().getFirst().text(java.util.Locale.SIMPLIFIED_CHINESE))
                            .isEqualTo("最严重疼痛低于最轻疼痛。");
                    assertThat(q.value()).isNotNull();
                });
        String id = queries.onPoint(point).getLast().id();
        asSystem("lakeside", Set.of(PortalRole.MONITOR), () -> queries.close(id, "Checked"));
    }
}
