package org.researchportal.quality.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.quality.FormLockRow;
import org.researchportal.quality.FormVerification;
import org.researchportal.quality.RecordLocking;
import org.researchportal.quality.SourceVerification;
import org.researchportal.quality.VerificationState;

/**
 * One form's verification state (verified by whom and when, cleared by a change, or not verified) and its locks, with
 * what the reader may do: a monitor verifies and locks; a monitor or the tenant administrator unlocks with a reason.
 */
final class FormQualityMark extends Composite<Div> {

    private final ClinicalForm form;
    private final SourceVerification verification;
    private final RecordLocking locking;

    FormQualityMark(ClinicalForm form, SourceVerification verification, RecordLocking locking) {
        this.form = form;
        this.verification = verification;
        this.locking = locking;
        getContent().addClassName("form-quality-mark");
        render();
    }

    private void render() {
        Div content = getContent();
        content.removeAll();
        PortalUser me = CurrentUser.require();
        Optional<FormVerification> mark = verification.markOf(form);
        VerificationState state = mark.map(FormVerification::state).orElse(VerificationState.NOT_VERIFIED);
        var verified = new Span(mark.map(this::describe).orElse(getTranslation("sdv.mark.not-verified")));
        verified.addClassNames("verification-state", "verification-" + state.name().toLowerCase(
                java.util.Locale.ROOT));
        content.add(verified);
        List<FormLockRow> locks = locking.locksOn(form);
        for (FormLockRow lock : locks) {
            var locked = new Span(getTranslation(lock.wholeParticipant() ? "lock.mark.participant" : "lock.mark.form",
                    lock.lockedByName(), when(lock.lockedAt())) + (lock.reason() == null ? "" : " · "
                            + getTranslation("lock.mark.reason", lock.reason())));
            locked.addClassName("lock-state");
            content.add(locked);
        }
        boolean monitor = me.hasRole(PortalRole.MONITOR);
        if (monitor && state != VerificationState.VERIFIED) {
            content.add(action("sdv.action.verify", () -> {
                verification.verify(form);
                Notification.show(getTranslation("sdv.action.verified"));
            }));
        }
        if (monitor && locks.isEmpty()) {
            content.add(action("lock.action.lock", () -> {
                locking.lockForm(form, null);
                Notification.show(getTranslation("lock.action.locked"));
            }));
        }
        if (monitor || me.hasRole(PortalRole.TENANT_ADMIN)) {
            locks.forEach(lock -> {
                var unlock = new Button(getTranslation("lock.action.unlock"), e -> new UnlockDialog(lock, locking,
                        this::render).open());
                unlock.addThemeVariants(ButtonVariant.LUMO_SMALL);
                content.add(unlock);
            });
        }
    }

    private Button action(String key, Runnable work) {
        var button = new Button(getTranslation(key), e -> {
            try {
                work.run();
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, java.util.Map.of());
            }
            render();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private String describe(FormVerification mark) {
        if (mark.state() == VerificationState.CLEARED) {
            return getTranslation("sdv.mark.cleared", when(mark.clearedAt()), Formats.text(mark.clearedByName()),
                    mark.verifiedByName(), when(mark.verifiedAt()));
        }
        return getTranslation("sdv.mark.verified", mark.verifiedByName(), when(mark.verifiedAt()));
    }

    private String when(@Nullable Instant at) {
        return Formats.dateTime(at, CurrentUser.require().zone(), getLocale());
    }
}
