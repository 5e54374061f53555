package org.researchportal.followup.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.followup.FollowUpPlan;
import org.researchportal.followup.FollowUpPlans;
import org.researchportal.study.Arm;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * The tenant administrator's part of study configuration for the telephone follow-ups: one plan and script per arm.
 * Changes reach participants randomised from then on; calls already planned keep their dates.
 */
@Route("admin/follow-up")
@Menu(order = 63, icon = "PHONE", title = "menu.follow-up-plans")
@RolesAllowed(Roles.TENANT_ADMIN)
final class PlansView extends Main implements HasDynamicTitle {

    PlansView(FollowUpPlans plans, StudyService studies) {
        addClassName("portal-view");
        add(new ViewToolbar(getTranslation("menu.follow-up-plans")));
        var intro = new Paragraph(getTranslation("followup.plan.intro"));
        intro.addClassName("portal-notice");
        add(intro);
        for (StudySummary study : studies.studies()) {
            Map<String, FollowUpPlan> byArm = plans.plans(study.id()).stream()
                    .collect(Collectors.toMap(FollowUpPlan::getArmCode, Function.identity()));
            for (Arm arm : study.arms()) {
                FollowUpPlan plan = byArm.get(arm.code());
                add(new PlanForm(study.id(), arm, plan == null ? null : plan.getSettings(), plans));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.follow-up-plans");
    }
}
