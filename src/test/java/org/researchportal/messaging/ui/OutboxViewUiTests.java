package org.researchportal.messaging.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox page: an administrator's test message is refused at the field or planned; a coordinator only reads. */
class OutboxViewUiTests extends UiTest {

    @Autowired
    Outbox outbox;

    @Test
    void anAdministratorSendsATestMessageAndSeesItInTheOutbox() {
        signInToUi("fudan.admin");
        UI.getCurrent().navigate("messages");
        TextField recipient = _get(TextField.class, spec -> spec.withLabel("Recipient"));
        recipient.setValue("nobody at all");
        _click(_get(Button.class, spec -> spec.withText("Send the test message")));
        assertThat(recipient.isInvalid()).isTrue();
        assertThat(recipient.getErrorMessage()).isEqualTo("Enter a valid email address.");

        recipient.setValue("ui-test@example.org");
        _click(_get(Button.class, spec -> spec.withText("Send the test message")));
        OutboxMessage planned = outbox.latest(1).getFirst();
        assertThat(planned.getRecipient()).isEqualTo("ui-test@example.org");
        assertThat(planned.getStatus()).isEqualTo(OutboxMessage.Status.PENDING);
        @SuppressWarnings("unchecked")
        Grid<OutboxMessage> grid = _get(Grid.class);
        assertThat(allCells(grid)).contains("ui-test@example.org", "Test message · Email")
                .anyMatch(cell -> cell.startsWith("Waiting")).noneMatch(cell -> cell.matches("(?s).*message\\.[a-z].*"));
    }

    @Test
    void aCoordinatorReadsTheOutboxWithoutTheTestForm() {
        signInToUi("fudan.coordinator");
        UI.getCurrent().navigate("messages");
        assertThat(_find(TextField.class, spec -> spec.withLabel("Recipient"))).isEmpty();
        assertThat(viewText()).contains("Latest messages");
    }
}
