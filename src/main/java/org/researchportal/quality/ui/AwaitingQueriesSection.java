package org.researchportal.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.util.EnumSet;
import org.researchportal.base.ui.Section;
import org.researchportal.participants.ClinicianDashboardSection;
import org.researchportal.quality.DataQueries;
import org.researchportal.quality.QueryState;
import org.researchportal.study.StudySummary;

/** On the clinician's dashboard: how many of the study's queries wait for a clinician's answer, and the way to them. */
@org.springframework.stereotype.Component
class AwaitingQueriesSection implements ClinicianDashboardSection {

    private final DataQueries queries;

    AwaitingQueriesSection(DataQueries queries) {
        this.queries = queries;
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public Component section(StudySummary study) {
        long waiting = queries.ofStudy(study.id(), EnumSet.of(QueryState.OPEN, QueryState.REOPENED)).stream()
                .filter(q -> q.assignee() == org.researchportal.base.security.PortalRole.CLINICIAN).count();
        var count = new Paragraph();
        count.addClassName("queries-awaiting");
        var link = new RouterLink();
        link.setRoute(QueriesView.class);
        count.setText(count.getTranslation("queries.awaiting-count", waiting));
        link.setText(count.getTranslation("queries.open-list"));
        return new Section(count.getTranslation("queries.awaiting"), count, link);
    }
}
