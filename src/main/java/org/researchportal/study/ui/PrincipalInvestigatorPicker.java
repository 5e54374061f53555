package org.researchportal.study.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.identity.AccountRow;
import org.researchportal.identity.AccountService;
import org.researchportal.study.StudyService;

/** The tenant administrator names the study's principal investigator, the one clinician who signs its data. */
final class PrincipalInvestigatorPicker extends Composite<Div> {

    PrincipalInvestigatorPicker(String studyId, StudyService studies, AccountService accounts) {
        var clinicians = accounts.accountsWithRole(PortalRole.CLINICIAN);
        var picker = new ComboBox<AccountRow>(getTranslation("study.principal-investigator"));
        picker.setItems(clinicians);
        picker.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        picker.setHelperText(getTranslation("study.principal-investigator.help"));
        picker.setWidth("24em");
        studies.principalInvestigator(studyId).flatMap(id -> clinicians.stream().filter(a -> a.id().equals(id))
                .findFirst()).ifPresent(picker::setValue);
        var appoint = new Button(getTranslation("study.principal-investigator.appoint"), e -> {
            try {
                if (picker.getValue() == null) {
                    throw ValidationException.of("principalInvestigator", "study.principal-investigator.invalid");
                }
                studies.appointPrincipalInvestigator(studyId, picker.getValue().id());
                FieldErrors.clear(Map.of("principalInvestigator", picker));
                Notification.show(getTranslation("study.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, Map.of("principalInvestigator", picker));
            }
        });
        appoint.addClassName("appoint-principal-investigator");
        getContent().add(picker, appoint);
        getContent().addClassName("principal-investigator");
    }
}
