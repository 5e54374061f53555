package org.researchportal.study.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.LimitedUpload;
import org.researchportal.base.ui.PortalUpload;
import org.researchportal.study.TrialDocument;
import org.researchportal.study.TrialDocumentService;

/** Uploads a document version: what it is, who may download it, and the file (checked by the service). */
final class DocumentUploadForm extends Composite<FormLayout> {

    private @Nullable byte[] pending;
    private String pendingName = "";

    DocumentUploadForm(String studyId, TrialDocumentService service, Runnable onUploaded) {
        var title = new TextField(getTranslation("document.title"));
        title.setMaxLength(TrialDocument.TITLE_MAX_LENGTH);
        title.setHelperText(getTranslation("document.title.help"));
        var kind = new Select<TrialDocument.Kind>();
        kind.setLabel(getTranslation("document.kind"));
        kind.setItems(TrialDocument.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(TrialDocument.Kind.PROTOCOL);
        var note = new TextField(getTranslation("document.note"));
        note.setMaxLength(TrialDocument.NOTE_MAX_LENGTH);
        var roles = new CheckboxGroup<PortalRole>(getTranslation("document.roles"));
        roles.setItems(PortalRole.tenantRoles());
        roles.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        roles.setValue(Set.of(PortalRole.CLINICIAN, PortalRole.ASSESSOR, PortalRole.THERAPIST,
                PortalRole.COORDINATOR));
        var chosen = new Span(getTranslation("document.no-file"));
        var upload = new PortalUpload(new LimitedUpload(TrialDocument.MAX_BYTES, (metadata, bytes) -> UI.getCurrent()
                .access(
                        () -> {
                            pending = bytes;
                            pendingName = metadata.fileName();
                            chosen.setText(metadata.fileName());
                        })));
        upload.setMaxFileSize(TrialDocument.MAX_BYTES);
        upload.setAcceptedFileTypes(".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".doc", ".xls",
                ".ppt");
        var fileField = new TextField();
        fileField.setVisible(false);
        Map<String, HasValidation> fields = Map.of("title", title, "note", note, "allowedRoles", roles,
                "file", fileField);
        var save = new Button(getTranslation("document.upload"), e -> {
            try {
                service.upload(studyId, title.getValue(), kind.getValue(), note.getValue(), roles.getValue(),
                        pendingName, pending == null ? new byte[0] : pending);
                pending = null;
                chosen.setText(getTranslation("document.no-file"));
                title.clear();
                note.clear();
                FieldErrors.clear(fields);
                onUploaded.run();
            } catch (ValidationException refusal) {
                fileField.setVisible(refusal.fieldMessageKeys().containsKey("file"));
                FieldErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = getContent();
        form.add(title, kind, note, roles, upload, chosen, fileField, save);
        form.setColspan(roles, 2);
    }
}
