package org.researchportal.participants.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.ui.DatePickers;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.UnsavedChanges;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.Participant;
import org.researchportal.participants.PreferredCallTime;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.StudySummary;

/** Enters a candidate into the screening log; the next screening number is given by the portal. */
final class NewCandidateDialog extends Dialog {

    NewCandidateDialog(ScreeningService screening, StudySummary study, Consumer<String> onScreened) {
        setHeaderTitle(getTranslation("screening.new"));
        var name = new TextField(getTranslation("participant.name"));
        name.setMaxLength(Participant.NAME_MAX_LENGTH);
        name.setRequired(true);
        var screenedOn = DatePickers.create(getTranslation("participant.screened-on"), LocalDate.now());
        var phone = new TextField(getTranslation("participant.phone"));
        var email = new EmailField(getTranslation("participant.email"));
        // Set periods, so every screen can say it in its reader's language and a reminder can name the hours.
        var callTime = new Select<PreferredCallTime>();
        callTime.setLabel(getTranslation("participant.preferred-call-time"));
        callTime.setItems(PreferredCallTime.values());
        callTime.setEmptySelectionAllowed(true);
        callTime.setEmptySelectionCaption(getTranslation("call-time.none"));
        callTime.setItemLabelGenerator(t -> t == null ? getTranslation("call-time.none")
                : getTranslation(t.messageKey(), t.hours()));
        var language = new Select<Locale>();
        language.setLabel(getTranslation("participant.language"));
        language.setItems(PortalLocales.SUPPORTED);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.toLanguageTag()));
        language.setValue(getLocale().getLanguage().equals("zh") ? PortalLocales.SIMPLIFIED_CHINESE
                : PortalLocales.ENGLISH);
        add(new FormLayout(name, screenedOn, phone, email, callTime, language));

        Map<String, HasValidation> fields = Map.of("displayName", name, "screenedOn", screenedOn, "phone", phone,
                "email", email, "preferredCallTime", callTime);
        var save = new Button(getTranslation("screening.add"), e -> {
            try {
                String id = screening.screen(study.id(), new NewCandidate(name.getValue(),
                        screenedOn.getValue() == null ? LocalDate.now() : screenedOn.getValue(), phone.getValue(),
                        email.getValue(), language.getValue().toLanguageTag(),
                        CurrentUser.require().zone().getId(),
                        callTime.getValue() == null ? null : callTime.getValue().code()));
                close();
                onScreened.accept(id);
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        UnsavedChanges.guardClosing(this);
    }
}
