package org.researchportal.quality.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Roles;
import org.researchportal.identity.Reauthentications;
import org.researchportal.quality.Signatures;

/**
 * Where the browser comes back from re-authenticating at Keycloak to sign: the signing is finished here, once, and
 * the investigator is taken to the participant's record, which shows the signature. A reload finds it used and
 * says so; nothing is signed twice.
 */
@Route(Signatures.COMPLETION_ROUTE)
@RolesAllowed(Roles.CLINICIAN)
final class SigningCompletion extends Main implements BeforeEnterObserver {

    private final Signatures signatures;

    SigningCompletion(Signatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String reference = event.getLocation().getQueryParameters().getSingleParameter(
                Reauthentications.RETURN_PARAMETER).orElse(Reauthentications.FAILED);
        if (!reference.equals(Reauthentications.FAILED)) {
            try {
                var signed = signatures.completeSigning(reference);
                Notification.show(getTranslation("signature.done"), 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                event.forwardTo("participants/" + signed.participantId());
                return;
            } catch (ValidationException refused) {
                refused.fieldMessageKeys().values().forEach(key -> Notification.show(getTranslation(key), 8000,
                        Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR));
                event.forwardTo("clinician");
                return;
            }
        }
        Notification.show(getTranslation("signature.reauthentication-failed"), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
        event.forwardTo("clinician");
    }
}
