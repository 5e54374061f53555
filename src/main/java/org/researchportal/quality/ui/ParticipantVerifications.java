package org.researchportal.quality.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.quality.FormLockRow;
import org.researchportal.quality.RecordLocking;
import org.researchportal.quality.SdvForm;
import org.researchportal.quality.SdvProgress;

/**
 * Verification per participant: their required forms, how many are verified, and their whole-record lock, which a
 * monitor sets here once the last visit is behind them (the service refuses it before).
 */
final class ParticipantVerifications extends Composite<Grid<ParticipantVerifications.Row>> {

    record Row(String participantId, @Nullable String studyNumber, int required, int verified, int outstanding,
            @Nullable FormLockRow lock) {}

    ParticipantVerifications(List<SdvForm> forms, List<FormLockRow> locks, RecordLocking locking, Runnable changed) {
        Map<String, List<SdvForm>> byParticipant = new LinkedHashMap<>();
        forms.forEach(f -> byParticipant.computeIfAbsent(f.form().participantId(), k -> new ArrayList<>()).add(f));
        List<Row> rows = new ArrayList<>();
        byParticipant.forEach((id, theirs) -> {
            SdvProgress progress = SdvProgress.of(theirs);
            Optional<FormLockRow> whole = locks.stream().filter(l -> l.participantId().equals(id)
                    && l.wholeParticipant()).findFirst();
            rows.add(new Row(id, theirs.getFirst().studyNumber(), progress.required(), progress.verified(), progress
                    .outstanding(), whole.orElse(null)));
        });
        Grid<Row> grid = getContent();
        grid.addColumn(r -> Formats.text(r.studyNumber())).setHeader(getTranslation("sdv.view.participant"))
                .setAutoWidth(true);
        grid.addColumn(Row::required).setHeader(getTranslation("sdv.view.required")).setAutoWidth(true);
        grid.addColumn(Row::verified).setHeader(getTranslation("sdv.view.verified")).setAutoWidth(true);
        grid.addColumn(Row::outstanding).setHeader(getTranslation("sdv.view.outstanding")).setAutoWidth(true);
        boolean monitor = CurrentUser.require().hasRole(PortalRole.MONITOR);
        grid.addComponentColumn(r -> {
            if (r.lock() != null) {
                return new Text(getTranslation("lock.mark.participant", r.lock().lockedByName(), Formats.dateTime(
                        r.lock().lockedAt(), CurrentUser.require().zone(), getLocale())));
            }
            if (!monitor) {
                return new Text("");
            }
            var lock = new Button(getTranslation("lock.action.lock-participant"), e -> {
                try {
                    locking.lockParticipant(r.participantId(), null);
                    Notification.show(getTranslation("lock.action.locked"));
                    changed.run();
                } catch (ValidationException refused) {
                    FieldErrors.show(this, refused, Map.of());
                }
            });
            lock.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return lock;
        }).setHeader(getTranslation("sdv.view.lock")).setKey("lock").setAutoWidth(true);
        // In memory already: the plan's count needs every form of the study.
        grid.setItems(rows);
        grid.addClassNames("portal-grid", "sdv-participants");
        grid.setAllRowsVisible(true);
    }
}
