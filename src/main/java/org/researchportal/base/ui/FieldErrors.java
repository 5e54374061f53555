package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Map;
import org.researchportal.base.ValidationException;

/** Shows a service's refusal at the fields it names, so the person sees what to fix where they typed it. */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static void show(Component owner, ValidationException refusal, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        refusal.fieldMessageKeys().forEach((field, key) -> {
            HasValidation target = fields.get(field);
            if (target != null) {
                target.setErrorMessage(owner.getTranslation(key, refusal.arguments(field)));
                target.setInvalid(true);
            } else {
                Notification.show(owner.getTranslation(key, refusal.arguments(field)), 6000,
                        Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }
}
