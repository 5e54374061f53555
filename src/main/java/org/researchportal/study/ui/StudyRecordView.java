package org.researchportal.study.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.StudyPageParts;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.identity.AccountService;
import org.researchportal.study.Study;
import org.researchportal.study.StudyRecord;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The tenant administrator creates the study (in a new tenant) and edits its record: name, registry id, arms and
 * enrolment target, its principal investigator and how participants are asked for their own questionnaires; below,
 * what other modules add about the study (its stage).
 */
@Route("admin/study")
@Menu(order = 61, icon = "FILE_TEXT_O", title = "menu.study")
@RolesAllowed(Roles.TENANT_ADMIN)
final class StudyRecordView extends Main implements HasDynamicTitle {

    private final StudyService studies;
    private final StudyPageParts parts;
    private final AccountService accounts;
    private final TextField acronym = new TextField();
    private final TextField title = new TextField();
    private final TextField registryId = new TextField();
    private final IntegerField target = new IntegerField();
    private final TextField contactPhone = new TextField();
    private final TextField contactEmail = new TextField();
    private final ArmsEditor arms = new ArmsEditor(getTranslation("study.add-arm"));
    private @Nullable Long loadedVersion;

    StudyRecordView(StudyService studies, StudyPageParts parts, AccountService accounts) {
        this.studies = studies;
        this.parts = parts;
        this.accounts = accounts;
        addClassName("portal-view");
        add(new ViewToolbar(getTranslation("menu.study")));
        edit(studies.studies().stream().findFirst().orElse(null));
    }

    /** Edits the tenant's study, or, in a new tenant with none yet, creates it. */
    private void edit(@Nullable StudySummary study) {
        acronym.setLabel(getTranslation("study.acronym"));
        acronym.setMaxLength(Study.ACRONYM_MAX_LENGTH);
        title.setLabel(getTranslation("study.title"));
        title.setMaxLength(Study.TITLE_MAX_LENGTH);
        registryId.setLabel(getTranslation("study.registry-id"));
        registryId.setMaxLength(Study.REGISTRY_ID_MAX_LENGTH);
        target.setLabel(getTranslation("study.target"));
        target.setMin(1);
        target.setMax(Study.TARGET_MAX);
        contactPhone.setLabel(getTranslation("study.contact-phone"));
        contactEmail.setLabel(getTranslation("study.contact-email"));
        contactEmail.setMaxLength(Study.CONTACT_MAX_LENGTH);
        if (study != null) {
            load(studies.record(study.id()));
        } else {
            add(new Paragraph(getTranslation("study.none-yet")));
            arms.setNewArms(2);
        }

        var form = new FormLayout(acronym, title, registryId, target, contactPhone, contactEmail);
        form.setColspan(title, 2);
        Map<String, HasValidation> fields = Map.of("acronym", acronym, "title", title, "registryId", registryId,
                "targetEnrolment", target, "contactPhone", contactPhone, "contactEmail", contactEmail, "arms", arms);
        var save = study != null ? new Button(getTranslation("action.save"), e -> save(study.id(), fields))
                : new Button(getTranslation("study.create"), e -> create(fields));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Section(getTranslation("study.record"), form), new Section(getTranslation("study.arms"), arms), save);
        if (study != null) {
            add(new Section(getTranslation("study.principal-investigator"), new PrincipalInvestigatorPicker(
                    study.id(), studies, accounts)), new Section(getTranslation("study.questionnaires"),
                            new QuestionnaireSettingsForm(study.id(), studies)));
            parts.forStudy(study.id()).forEach(this::add);
        }
    }

    private void load(StudyRecord record) {
        acronym.setValue(record.acronym());
        title.setValue(record.title());
        registryId.setValue(Objects.requireNonNullElse(record.registryId(), ""));
        target.setValue(record.targetEnrolment());
        contactPhone.setValue(Objects.requireNonNullElse(record.contactPhone(), ""));
        contactEmail.setValue(Objects.requireNonNullElse(record.contactEmail(), ""));
        arms.setArms(record.arms());
        loadedVersion = record.version();
    }

    private void create(Map<String, HasValidation> fields) {
        try {
            studies.create(record(null));
            Notification.show(getTranslation("study.created")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            removeAll();
            add(new ViewToolbar(getTranslation("menu.study")));
            edit(studies.studies().stream().findFirst().orElseThrow());
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, fields);
        }
    }

    private StudyRecord record(@Nullable Long version) {
        return new StudyRecord(acronym.getValue(), title.getValue(), registryId.getValue(), arms.getArms(),
                target.getValue() == null ? 0 : target.getValue(), contactPhone.getValue(), contactEmail.getValue(),
                version);
    }

    private void save(String studyId, Map<String, HasValidation> fields) {
        try {
            studies.update(studyId, record(loadedVersion));
            load(studies.record(studyId));
            FieldErrors.clear(fields);
            Notification.show(getTranslation("study.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, fields);
        } catch (OptimisticLockingFailureException conflict) {
            Notification.show(getTranslation("action.conflict"), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.study");
    }
}
