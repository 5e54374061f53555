package org.researchportal.participants.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.EditableRows;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.Arm;
import org.researchportal.study.RandomisationPlan;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * The tenant administrator sets how the study randomises (the arms' ratio, block sizes, stratification factors) and
 * sets randomisation up: the concealed sequence is made from the plan. The plan is fixed once saved (the service
 * refuses another), and setting up again never remakes a sequence, so nothing here can change an allocation.
 */
@Route("admin/randomisation")
@Menu(order = 64, icon = "RANDOM", title = "menu.randomisation")
@RolesAllowed(Roles.TENANT_ADMIN)
final class RandomisationPlanView extends Main implements HasDynamicTitle {

    private final StudyService studies;
    private final RandomisationService randomisation;

    RandomisationPlanView(StudyService studies, RandomisationService randomisation) {
        this.studies = studies;
        this.randomisation = randomisation;
        addClassName("portal-view");
        show();
    }

    private void show() {
        removeAll();
        add(new ViewToolbar(getTranslation("menu.randomisation")));
        studies.studies().stream().findFirst().ifPresentOrElse(study -> studies.randomisationPlan(study.id())
                .ifPresentOrElse(plan -> showPlan(study, plan), () -> editPlan(study)),
                () -> add(new Paragraph(getTranslation("study.create-first"))));
    }

    private void showPlan(StudySummary study, RandomisationPlan plan) {
        List<String> ratio = new ArrayList<>();
        study.arms().forEach(a -> ratio.add(a.name(getLocale()) + " " + plan.ratio().getOrDefault(a.code(), 0)));
        List<String> blocks = plan.blockMultiples().stream().map(m -> String.valueOf(m * plan.ratioSum())).toList();
        var summary = new Section(getTranslation("randomisation-plan.plan"),
                new Paragraph(getTranslation("randomisation-plan.summary", String.join(" : ", ratio),
                        String.join(", ", blocks))));
        plan.strata().forEach(f -> summary.getElement().appendChild(new Paragraph(getTranslation(
                "randomisation-plan.summary-factor", zh() && !f.labelZh().isBlank() ? f.labelZh() : f.label(),
                String.join(", ", f.levels()))).getElement()));
        add(summary);
        if (randomisation.isSetUp(study.id())) {
            add(new Paragraph(getTranslation("randomisation-plan.is-set-up")));
        } else {
            add(new Paragraph(getTranslation("randomisation-plan.not-set-up")));
            var setUp = new Button(getTranslation("randomisation-plan.set-up"), e -> confirm(() -> setUp(study)));
            setUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(setUp);
        }
    }

    private void editPlan(StudySummary study) {
        Map<String, IntegerField> shares = new LinkedHashMap<>();
        var ratio = new FormLayout();
        for (Arm arm : study.arms()) {
            var share = new IntegerField(getTranslation("randomisation-plan.share", arm.name(getLocale())));
            share.setValue(1);
            share.setMin(1);
            share.setMax(10);
            shares.put(arm.code(), share);
            ratio.add(share);
        }
        var blocks = new TextField(getTranslation("randomisation-plan.blocks"));
        blocks.setValue("1, 2");
        blocks.setHelperText(getTranslation("randomisation-plan.blocks-help"));
        var strata = new EditableRows<>(getTranslation("randomisation-plan.factor.add"), StratificationFactorRow::new);
        Map<String, HasValidation> fields = Map.of("ratio", shares.values().iterator().next(),
                "blockMultiples", blocks, "strata", strata);
        var save = new Button(getTranslation("randomisation-plan.save-and-set-up"), e -> confirm(() -> {
            try {
                Map<String, Integer> chosen = new LinkedHashMap<>();
                shares.forEach((code, f) -> chosen.put(code, f.getValue() == null ? 0 : f.getValue()));
                studies.configureRandomisation(study.id(), new RandomisationPlan(chosen, multiples(blocks),
                        strata.rows().stream().map(StratificationFactorRow::factor).toList()));
                setUp(study);
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("randomisation-plan.intro")),
                new Section(getTranslation("randomisation-plan.ratio"), ratio, blocks),
                new Section(getTranslation("randomisation-plan.strata"), strata), save);
    }

    /** Block sizes typed as multiples ("1, 2"); anything not a whole number is refused at the field. */
    private static List<Integer> multiples(TextField blocks) {
        try {
            return Arrays.stream(blocks.getValue().split("[,，]")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw ValidationException.of("blockMultiples", "study.randomisation.blocks");
        }
    }

    private void setUp(StudySummary study) {
        randomisation.setUp(study.id());
        Notification.show(getTranslation("randomisation-plan.done")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        show();
    }

    private void confirm(Runnable action) {
        var ask = new ConfirmDialog(getTranslation("randomisation-plan.confirm-title"),
                getTranslation("randomisation-plan.confirm"), getTranslation("randomisation-plan.set-up"),
                e -> action.run());
        ask.setCancelable(true);
        ask.setCancelText(getTranslation("action.cancel"));
        ask.open();
    }

    private boolean zh() {
        return getLocale().getLanguage().equals("zh");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.randomisation");
    }
}
