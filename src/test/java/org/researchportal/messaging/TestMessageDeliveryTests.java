package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A tenant administrator's test SMS goes through the outbox to the SMS channel when the scheduled dispatch runs, as it
 * runs in the portal (on its own thread, signed in as nobody), and the number is read as the candidate form reads it.
 */
class TestMessageDeliveryTests extends PortalTest {

    @Autowired
    TestMessages tests;
    @Autowired
    Outbox outbox;
    @Autowired
    TenantSweeps sweeps;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    ReminderPlanner planner;

    @Test
    void aTestSmsToANumberWrittenWithSpacesIsSentByTheScheduledDispatch() {
        signIn("fudan.admin");
        OutboxMessage queued = tests.send(Channel.SMS, "+86 138 0000 0099", "en");
        assertThat(queued.getRecipient()).isEqualTo("+8613800000099");

        SecurityContextHolder.clearContext();
        new MessageDispatch(sweeps, dispatcher, planner, Duration.ofHours(6)).dispatch();

        signIn("fudan.admin");
        OutboxMessage sent = outbox.latest(50).stream().filter(m -> m.requireId().equals(queued.requireId()))
                .findFirst().orElseThrow();
        assertThat(sent.getStatus()).as("failure: %s", sent.getFailureReason()).isEqualTo(OutboxMessage.Status.SENT);
    }
}
