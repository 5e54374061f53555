package org.researchportal.participants.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.participants.ContactPreferences;
import org.researchportal.participants.ParticipantService;

/**
 * The participant's own say in how they are reached: when reminders come, the hours not to be disturbed, and their
 * time zone. Which channels they agreed to is in their consent, which the study team records.
 */
@Route("my-contact")
@RolesAllowed(Roles.PARTICIPANT)
final class ContactPreferencesView extends Main implements HasDynamicTitle {

    ContactPreferencesView(ParticipantService participants) {
        addClassNames("portal-view", "participant-home");
        add(new ViewToolbar(getTranslation("preferences.title")));
        var current = participants.myContactPreferences().orElse(null);
        if (current == null) {
            var notice = new Paragraph(getTranslation("participant-home.not-linked"));
            notice.addClassName("portal-notice");
            add(notice);
            return;
        }
        var reminder = time("preferences.reminder", current.reminderTime());
        var quietFrom = time("preferences.quiet-from", current.quietFrom());
        var quietUntil = time("preferences.quiet-until", current.quietUntil());
        var zone = new ComboBox<String>(getTranslation("preferences.zone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc"))
                .sorted().toList());
        zone.setValue(current.timeZone());
        zone.setWidthFull();
        Map<String, HasValidation> fields = Map.of("reminderTime", reminder, "quietFrom", quietFrom, "timeZone",
                zone);
        var save = new Button(getTranslation("action.save"), e -> {
            try {
                participants.saveMyContactPreferences(new ContactPreferences(zone.getValue() == null ? ""
                        : zone.getValue(), reminder.getValue(), quietFrom.getValue(), quietUntil.getValue()));
                FieldErrors.clear(fields);
                Notification.show(getTranslation("preferences.saved"), 3000, Notification.Position.MIDDLE);
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        var form = new FormLayout(reminder, quietFrom, quietUntil, zone);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        add(new Paragraph(getTranslation("preferences.intro")), form, save);
    }

    private TimePicker time(String label, LocalTime value) {
        var picker = new TimePicker(getTranslation(label), value);
        picker.setStep(Duration.ofMinutes(30));
        picker.setWidthFull();
        return picker;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("preferences.title");
    }
}
