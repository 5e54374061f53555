package org.researchportal.followup.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;
import org.researchportal.assessments.QuestionnaireCompliance;
import org.researchportal.assessments.Questionnaires;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.StatCard;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.followup.CallFigures;
import org.researchportal.followup.CallOutcome;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.FollowUpPlans;
import org.researchportal.followup.Urgency;
import org.researchportal.followup.WorklistFilter;
import org.researchportal.study.StudyService;

/**
 * The coordinator's dashboard: this month's completion rate, what is overdue and due today, open concerns, this
 * month's attempts by outcome, the calls to make now (overdue, due today, in their window), and each study's
 * questionnaire compliance per timepoint.
 */
@Route("coordinator")
@Menu(order = 40, icon = "PHONE", title = "menu.coordinator")
@RolesAllowed(Roles.COORDINATOR)
final class CoordinatorDashboard extends Main implements HasDynamicTitle {

    private static final Set<Urgency> NOW = EnumSet.of(Urgency.OVERDUE, Urgency.DUE_TODAY, Urgency.IN_WINDOW);

    CoordinatorDashboard(CallWorklist worklist, FollowUpPlans plans, StudyService studies,
            Questionnaires questionnaires) {
        addClassName("portal-view");
        CallFigures figures = worklist.figures(null);
        var stats = new Div(new StatCard(getTranslation("call.stat.completion"), figures.completionPercent() < 0
                ? "–" : figures.completionPercent() + "% (" + figures.completedThisMonth() + "/"
                        + figures.dueThisMonth() + ")"),
                new StatCard(getTranslation("call.stat.due-today"), Long.toString(figures.dueToday())),
                new StatCard(getTranslation("call.stat.overdue"), Long.toString(figures.overdue())),
                new StatCard(getTranslation("call.stat.escalations"), Long.toString(figures.openEscalations())));
        stats.addClassName("stat-row");
        var outcomes = new UnorderedList();
        outcomes.addClassName("call-outcomes");
        for (CallOutcome outcome : CallOutcome.values()) {
            outcomes.add(new ListItem(getTranslation(outcome.messageKey()) + ": "
                    + figures.attemptsByOutcome().getOrDefault(outcome, 0L)));
        }
        var all = new RouterLink(getTranslation("call.open-worklist"), CallWorklistView.class);
        add(new ViewToolbar(getTranslation("menu.coordinator")));
        studies.studies().stream().filter(study -> plans.plans(study.id()).isEmpty()).forEach(study -> {
            var notice = new Paragraph(getTranslation("call.no-plan-yet", study.acronym()));
            notice.addClassName("portal-notice");
            add(notice);
        });
        add(stats,
                new Section(getTranslation("call.now"), new CallGrid(worklist.worklist(WorklistFilter.OPEN)
                        .stream().filter(r -> NOW.contains(r.urgency())).toList()), all),
                new Section(getTranslation("call.by-outcome"), outcomes,
                        CallLogLink.of(getTranslation("call.export"), worklist, () -> null)));
        // Each study whose participants answer questionnaires: how well they do, per timepoint.
        studies.studies().forEach(study -> {
            var due = questionnaires.ofStudy(study.id());
            if (!due.isEmpty()) {
                add(new ComplianceCard(study, QuestionnaireCompliance.of(due)));
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.coordinator");
    }
}
