package org.researchportal.messaging.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.messaging.MessagePurpose;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.messaging.ReminderPlanner;
import org.researchportal.messaging.StudyNames.StudyName;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox page: an administrator's test message is refused at the field or planned; a coordinator only reads. */
class OutboxViewUiTests extends UiTest {

    @Autowired
    Outbox outbox;
    @Autowired
    ReminderPlanner planner;
    @Autowired
    StudyService studies;
    @Autowired
    org.researchportal.messaging.OutboxDispatcher dispatcher;

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
                .anyMatch(cell -> cell.startsWith("Waiting")).noneMatch(cell -> cell.matches(
                        "(?s).*message\\.[a-z].*"));
    }

    @Test
    void aTestSmsToANumberAsTheCandidateFormTakesItIsFollowedUntilItIsSent() {
        signInToUi("fudan.admin");
        UI.getCurrent().navigate("messages");
        _get(Select.class, spec -> spec.withLabel("Channel")).setValue(org.researchportal.messaging.Channel.SMS);
        TextField recipient = _get(TextField.class, spec -> spec.withLabel("Recipient"));
        recipient.setValue("+86 138 0000 0099");
        _click(_get(Button.class, spec -> spec.withText("Send the test message")));
        assertThat(recipient.isInvalid()).isFalse();
        OutboxMessage planned = outbox.latest(1).getFirst();
        assertThat(planned.getRecipient()).isEqualTo("+8613800000099");
        assertThat(UI.getCurrent().getPollInterval()).as("the page follows the message").isPositive();

        // The dispatcher's round, then the page's next poll: the outcome shows without a reload.
        asSystem("fudan", java.util.Set.of(PortalRole.COORDINATOR), () -> dispatcher.dispatchDue(500));
        com.vaadin.flow.component.ComponentUtil.fireEvent(UI.getCurrent(),
                new com.vaadin.flow.component.PollEvent(UI.getCurrent(), true));
        @SuppressWarnings("unchecked")
        Grid<OutboxMessage> grid = _get(Grid.class);
        int row = grid.getGenericDataView().getItems().toList().stream().map(OutboxMessage::requireId).toList()
                .indexOf(planned.requireId());
        assertThat(GridKt._getFormattedRow(grid, row)).anyMatch(cell -> cell.startsWith("Sent"));
        assertThat(UI.getCurrent().getPollInterval()).as("following stops once it is sent").isNegative();
    }

    @Test
    void aCoordinatorReadsTheOutboxWithoutTheTestForm() {
        signInToUi("fudan.coordinator");
        UI.getCurrent().navigate("messages");
        assertThat(_find(TextField.class, spec -> spec.withLabel("Recipient"))).isEmpty();
        assertThat(viewText()).contains("Latest messages");
    }

    @Test
    void aCoordinatorFollowsOneParticipantsMessagesWithTheirTimeline() {
        asSystem("fudan", java.util.Set.of(PortalRole.COORDINATOR), () -> planner.planSessionReminders(7));
        signInToUi("fudan.coordinator");
        OutboxMessage reminder = outbox.latest(500).stream()
                .filter(m -> m.getPurpose() == MessagePurpose.SESSION_REMINDER).findFirst().orElseThrow();
        outbox.cancel(reminder.requireId(), "Asked for a call instead");

        UI.getCurrent().navigate("messages");
        @SuppressWarnings("unchecked")
        Select<StudyName> study = _get(Select.class, spec -> spec.withLabel("Study"));
        StudySummary first = studies.studies().getFirst();
        study.setValue(new StudyName(first.id(), first.acronym()));
        @SuppressWarnings("unchecked")
        Grid<OutboxMessage> filtered = _get(Grid.class);
        assertThat(GridKt._size(filtered)).isPositive();
        assertThat(GridKt._fetch(filtered, 0, GridKt._size(filtered))).allSatisfy(m -> assertThat(m.getStudyId())
                .isEqualTo(studies.studies().getFirst().id()));

        UI.getCurrent().navigate(MessageLogView.class, reminder.getParticipantId());
        assertThat(viewText()).startsWith("Messages to ").contains("SMS: +86", "agreed", "Asia/Shanghai");
        @SuppressWarnings("unchecked")
        Grid<OutboxMessage> log = _get(Grid.class);
        assertThat(GridKt._fetch(log, 0, GridKt._size(log))).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getParticipantId()).isEqualTo(reminder.getParticipantId()));
        assertThat(allCells(log)).anyMatch(cell -> cell.startsWith("Cancelled"));

        // Opening the row shows the timeline; who cancelled it reads by name, not username.
        OutboxMessage cancelled = GridKt._fetch(log, 0, GridKt._size(log)).stream()
                .filter(m -> m.requireId().equals(reminder.requireId())).findFirst().orElseThrow();
        String timeline = GridKt._getItemDetailsComponent(log, cancelled).getElement().getTextRecursively();
        assertThat(timeline).contains("Planned", "Due to go out", "Cancelled by 协调员 演示: Asked for a call")
                .doesNotContain("fudan.coordinator");
    }

    /**
     * Opening a participant's link signs in as them: staff see every message with its link masked, in the outbox and
     * in a participant's own log, while it waits to go out and after.
     */
    @Test
    void staffSeeEveryParticipantLinkMaskedWhileItWaitsAndAfterItWentOut() {
        asSystem("fudan", java.util.Set.of(PortalRole.COORDINATOR), () -> planner.planSessionReminders(7));
        for (String person : java.util.List.of("fudan.coordinator", "fudan.admin")) {
            signInToUi(person);
            OutboxMessage reminder = outbox.latest(500).stream()
                    .filter(m -> m.getPurpose() == MessagePurpose.SESSION_REMINDER
                            && m.getStatus() == OutboxMessage.Status.PENDING).findFirst().orElseThrow();
            assertThat(reminder.getBody()).contains("/l/•••");

            UI.getCurrent().navigate("messages");
            @SuppressWarnings("unchecked")
            Grid<OutboxMessage> grid = _get(Grid.class);
            assertThat(allCells(grid)).as(person).anyMatch(cell -> cell.contains("/l/•••"))
                    .noneMatch(cell -> cell.matches("(?s).*/l/[A-Za-z0-9_-]{10,}.*"));

            if (person.equals("fudan.coordinator")) {
                UI.getCurrent().navigate(MessageLogView.class, reminder.getParticipantId());
                @SuppressWarnings("unchecked")
                Grid<OutboxMessage> log = _get(Grid.class);
                assertThat(allCells(log)).anyMatch(cell -> cell.contains("/l/•••"))
                        .noneMatch(cell -> cell.matches("(?s).*/l/[A-Za-z0-9_-]{10,}.*"));
            }
        }
    }

    @Test
    void onlyCoordinatorsOpenAParticipantsMessages() {
        signInToUi("fudan.therapist");
        assertThatThrownBy(() -> UI.getCurrent().navigate("messages/participant/any"))
                .hasMessageContaining("Access is denied");
    }
}
