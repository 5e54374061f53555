package org.researchportal.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.researchportal.base.clinical.ClinicalDataChanged;
import org.researchportal.base.clinical.ClinicalForm;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs a form's soft checks after it was saved and tells of each that fails ({@link EditCheckFailed}), so a query is
 * opened on its field. Only the checks that read a field the save changed run, so a save that corrects something else
 * does not raise the same query again. A participant's own answers are checked too; the query they open is the
 * site's ({@link CheckQueries}), never hers.
 */
@Component
class SoftEditChecks {

    private final EditCheckRecords records;
    private final EditCheckRules rules;
    private final ApplicationEventPublisher events;

    SoftEditChecks(EditCheckRecords records, EditCheckRules rules, ApplicationEventPublisher events) {
        this.records = records;
        this.rules = rules;
        this.events = events;
    }

    @EventListener
    void on(ClinicalDataChanged change) {
        ClinicalForm form = change.form();
        Set<String> changed = new HashSet<>();
        change.items().forEach(item -> changed.add(FormFields.name(item)));
        List<EditCheck> soft = records.enabledFor(form.studyId(), form.kind(), form.form()).stream()
                .filter(c -> c.getSeverity() == CheckSeverity.SOFT)
                .filter(c -> changed.contains(c.getItem()) || EditCheckRules.namesRead(c).stream()
                        .anyMatch(changed::contains))
                .toList();
        if (soft.isEmpty()) {
            return;
        }
        rules.savedFailures(form, soft).forEach(f -> events.publishEvent(new EditCheckFailed(change.tenantId(), form
                .item(f.field().point()), f.check().getCode(), f.check().getMessageEn(), f.check().getMessageZh())));
    }
}
