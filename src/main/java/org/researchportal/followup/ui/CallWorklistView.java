package org.researchportal.followup.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.MissedQuestionnaires;
import org.researchportal.followup.Urgency;
import org.researchportal.followup.WorklistFilter;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * The whole worklist: every open call in priority order (overdue first, then open concerns, then by urgency and
 * due date), narrowed by study, urgency and whose caseload; or the closed calls. A row opens the call. Under the
 * open calls, the participants whose questionnaires closed unanswered, to call until one is marked handled.
 */
@Route("calls")
@Menu(order = 41, icon = "LIST", title = "menu.calls")
@RolesAllowed(Roles.COORDINATOR)
final class CallWorklistView extends Main implements HasDynamicTitle {

    private final CallWorklist worklist;
    private final MissedQuestionnaires missed;
    private final Select<StudySummary> study = new Select<>();
    private final Select<Urgency> urgency = new Select<>();
    private final Checkbox mine = new Checkbox();
    private final Div list = new Div();

    CallWorklistView(CallWorklist worklist, MissedQuestionnaires missed, StudyService studies) {
        this.worklist = worklist;
        this.missed = missed;
        addClassName("portal-view");
        study.setLabel(getTranslation("message.study"));
        study.setEmptySelectionAllowed(true);
        study.setEmptySelectionCaption(getTranslation("message.all-studies"));
        study.setItems(studies.studies());
        study.setItemLabelGenerator(s -> s == null ? getTranslation("message.all-studies") : s.acronym());
        urgency.setLabel(getTranslation("call.urgency"));
        urgency.setEmptySelectionAllowed(true);
        urgency.setEmptySelectionCaption(getTranslation("call.all-open"));
        urgency.setItems(Urgency.values());
        urgency.setItemLabelGenerator(u -> u == null ? getTranslation("call.all-open") : getTranslation(
                u.messageKey()));
        mine.setLabel(getTranslation("call.mine-only"));
        study.addValueChangeListener(e -> show());
        urgency.addValueChangeListener(e -> show());
        mine.addValueChangeListener(e -> show());
        var filters = new HorizontalLayout(study, urgency, mine, CallLogLink.of(getTranslation("call.export"),
                worklist, () -> study.getValue() == null ? null : study.getValue().id()));
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new ViewToolbar(getTranslation("menu.calls")), filters, list);
        show();
    }

    private void show() {
        list.removeAll();
        var filter = new WorklistFilter(study.getValue() == null ? null : study.getValue().id(), urgency.getValue(),
                mine.getValue());
        list.add(new CallGrid(worklist.worklist(filter)));
        // Missed questionnaires belong with the open calls: a filter on one urgency (or the closed calls) hides them.
        if (filter.urgency() == null) {
            list.add(new MissedQuestionnaireList(missed, () -> missed.open(filter)));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.calls");
    }
}
