package org.researchportal.quality.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.quality.SdvPlanRecord;
import org.researchportal.quality.SourceVerification;
import org.researchportal.study.Timepoint;

/** A study's verification plan: its primary outcome instruments (among the schedule's) and the share of the rest. */
final class SdvPlanForm extends Composite<Div> {

    SdvPlanForm(String studyId, List<Timepoint> schedule, SourceVerification verification, Runnable saved) {
        SdvPlanRecord plan = verification.plan(studyId);
        var instruments = new MultiSelectComboBox<String>(getTranslation("sdv.view.primary-instruments"));
        var scheduled = new TreeSet<String>();
        schedule.forEach(t -> scheduled.addAll(t.instruments()));
        instruments.setItems(scheduled);
        instruments.setValue(new TreeSet<>(plan.primaryInstruments()));
        instruments.addClassName("sdv-primary-instruments");
        var share = new IntegerField(getTranslation("sdv.view.share"));
        share.setMin(0);
        share.setMax(100);
        share.setStepButtonsVisible(true);
        share.setValue(plan.sharePercent());
        share.addClassName("sdv-share");
        Map<String, HasValidation> fields = Map.of("primaryInstruments", instruments, "sharePercent", share);
        var save = new Button(getTranslation("sdv.view.save-plan"), e -> {
            try {
                verification.configurePlan(studyId, new ArrayList<>(instruments.getValue()), Objects.requireNonNullElse(
                        share.getValue(), -1));
                FieldErrors.clear(fields);
                Notification.show(getTranslation("sdv.view.plan-saved"));
                saved.run();
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("sdv-save-plan");
        getContent().add(new Paragraph(getTranslation("sdv.view.plan-explained")), new FormLayout(instruments,
                share), save);
    }
}
