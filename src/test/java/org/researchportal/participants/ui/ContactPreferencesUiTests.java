package org.researchportal.participants.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.participants.ContactPreferences;
import org.researchportal.participants.ParticipantService;
import org.springframework.beans.factory.annotation.Autowired;

/** A participant chooses their reminder time and quiet hours; a reminder inside the quiet hours is refused there. */
class ContactPreferencesUiTests extends UiTest {

    @Autowired
    ParticipantService participants;

    @Test
    void aParticipantSetsTheirReminderTimeAndQuietHours() {
        signInToUi("fudan.participant2");
        UI.getCurrent().navigate("my-study");
        assertThat(_find(Anchor.class)).extracting(Anchor::getHref).contains("my-contact");
        UI.getCurrent().navigate("my-contact");
        TimePicker reminder = _get(TimePicker.class, spec -> spec.withLabel("Reminder time"));
        TimePicker from = _get(TimePicker.class, spec -> spec.withLabel("Quiet from"));
        TimePicker until = _get(TimePicker.class, spec -> spec.withLabel("Quiet until"));
        assertThat(reminder.getValue()).isEqualTo(LocalTime.of(9, 0));

        reminder.setValue(LocalTime.of(23, 0));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(reminder.isInvalid()).isTrue();
        assertThat(reminder.getErrorMessage()).contains("quiet hours");

        reminder.setValue(LocalTime.of(7, 30));
        from.setValue(LocalTime.of(22, 0));
        until.setValue(LocalTime.of(7, 0));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(reminder.isInvalid()).isFalse();
        ContactPreferences saved = participants.myContactPreferences().orElseThrow();
        assertThat(saved.reminderTime()).isEqualTo(LocalTime.of(7, 30));
        assertThat(saved.quietFrom()).isEqualTo(LocalTime.of(22, 0));

        from.setValue(LocalTime.of(12, 0));
        until.setValue(LocalTime.of(7, 0));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(from.isInvalid()).as("19 quiet hours are too many").isTrue();
    }
}
