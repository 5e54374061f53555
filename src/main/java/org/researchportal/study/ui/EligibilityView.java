package org.researchportal.study.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.EditableRows;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.UnsavedChanges;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.study.EligibilityModel;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * The tenant administrator sets what screening asks: the measures entered (e.g. the BPI worst-pain score) and the
 * inclusion and exclusion criteria, some computed from the measures. Saved as one model, audited by the service.
 */
@Route("admin/eligibility")
@Menu(order = 62, icon = "CHECK_SQUARE_O", title = "menu.eligibility")
@RolesAllowed(Roles.TENANT_ADMIN)
final class EligibilityView extends Main implements BeforeLeaveObserver, HasDynamicTitle {

    private final StudyService studies;
    private final EditableRows<MeasureRow> measures = new EditableRows<>(getTranslation("eligibility.measure.add"),
            () -> new MeasureRow(null));
    private final EditableRows<CriterionRow> criteria = new EditableRows<>(
            getTranslation("eligibility.criterion.add"), () -> new CriterionRow(null));

    private final UnsavedChanges changes = new UnsavedChanges(this);
    private final UnsavedChanges.Form form = changes.form();

    EligibilityView(StudyService studies) {
        this.studies = studies;
        addClassName("portal-view");
        add(new ViewToolbar(getTranslation("menu.eligibility")));
        studies.studies().stream().findFirst().ifPresentOrElse(this::edit,
                () -> add(new Paragraph(getTranslation("study.create-first"))));
    }

    private void edit(StudySummary study) {
        load(studies.eligibilityModel(study.id()));
        form.watchAll(measures);
        form.watchAll(criteria);
        measures.onRowAdded(form::watchAll);
        criteria.onRowAdded(form::watchAll);
        Map<String, HasValidation> fields = Map.of("measures", measures, "criteria", criteria);
        var save = new Button(getTranslation("action.save"), e -> save(study.id(), fields));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("eligibility.intro")),
                new Section(getTranslation("eligibility.measures"), measures),
                new Section(getTranslation("eligibility.criteria"), criteria), save);
    }

    private void load(EligibilityModel model) {
        measures.setRows(model.measures().stream().map(MeasureRow::new).toList());
        criteria.setRows(model.criteria().stream().map(CriterionRow::new).toList());
    }

    private void save(String studyId, Map<String, HasValidation> fields) {
        try {
            studies.configureEligibility(studyId, new EligibilityModel(
                    measures.rows().stream().map(MeasureRow::measure).toList(),
                    criteria.rows().stream().map(CriterionRow::criterion).toList()));
            FieldErrors.clear(fields);
            form.saved();
            Notification.show(getTranslation("eligibility.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, fields);
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        changes.beforeLeave(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.eligibility");
    }
}
