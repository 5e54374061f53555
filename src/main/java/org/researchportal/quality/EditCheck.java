package org.researchportal.quality;

import org.researchportal.base.clinical.FormKind;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One edit check of a study, as study data: written in the screens, run at every save of its form. */
@Document("edit_checks")
@CompoundIndex(name = "tenant_study_code", def = "{'tenantId': 1, 'studyId': 1, 'code': 1}", unique = true)
@CompoundIndex(name = "tenant_study_form_enabled_code",
        def = "{'tenantId': 1, 'studyId': 1, 'kind': 1, 'form': 1, 'enabled': 1, 'code': 1}")
class EditCheck extends TenantOwnedDocument {

    private String studyId;
    private String code;
    private FormKind kind;
    private String form;
    private String item;
    private String expression;
    private CheckSeverity severity;
    private String messageEn;
    private String messageZh;
    private boolean enabled;

    EditCheck(String studyId, String code, FormKind kind, String form, String item, String expression,
            CheckSeverity severity, String messageEn, String messageZh, boolean enabled) {
        this.studyId = studyId;
        this.code = code;
        this.kind = kind;
        this.form = form;
        this.item = item;
        this.expression = expression;
        this.severity = severity;
        this.messageEn = messageEn;
        this.messageZh = messageZh;
        this.enabled = enabled;
    }

    /** A checked definition: every part is there. */
    static EditCheck of(String studyId, CheckDefinition d) {
        return new EditCheck(studyId, d.code(), d.kind(), d.form(), d.item(), d.expression(), d.severity(),
                d.messageEn(), d.messageZh(), d.enabled());
    }

    void change(CheckDefinition d) {
        code = d.code();
        kind = d.kind();
        form = d.form();
        item = d.item();
        expression = d.expression();
        severity = d.severity();
        messageEn = d.messageEn();
        messageZh = d.messageZh();
        enabled = d.enabled();
    }

    void enable(boolean on) {
        enabled = on;
    }

    String getStudyId() {
        return studyId;
    }

    String getCode() {
        return code;
    }

    FormKind getKind() {
        return kind;
    }

    String getForm() {
        return form;
    }

    String getItem() {
        return item;
    }

    String getExpression() {
        return expression;
    }

    CheckSeverity getSeverity() {
        return severity;
    }

    String getMessageEn() {
        return messageEn;
    }

    String getMessageZh() {
        return messageZh;
    }

    boolean isEnabled() {
        return enabled;
    }

    CheckDefinition definition() {
        return new CheckDefinition(code, kind, form, item, expression, severity, messageEn, messageZh, enabled);
    }

    EditCheckRow toRow() {
        return new EditCheckRow(requireId(), studyId, definition());
    }
}
