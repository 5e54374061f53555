package org.researchportal.messaging.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.PasswordLinks;
import org.researchportal.messaging.Channel;
import org.researchportal.messaging.MessagePurpose;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.messaging.ParticipantInvitations;
import org.researchportal.messaging.SentText;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ProgrammeParticipants;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A clinician invites a randomised participant to their phone account by SMS; the SMS names no study, only the
 * username and a one-time link on which the participant chooses their own password; then they are signed in to their
 * own record and the invitation is not offered again.
 */
class InvitationUiTests extends UiTest {

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ScreeningService screening;
    @Autowired
    ConsentService consent;
    @Autowired
    AccountService accounts;
    @Autowired
    ProgrammeParticipants participants;
    @Autowired
    ParticipantInvitations invitations;
    @Autowired
    PasswordLinks passwordLinks;
    @Autowired
    Outbox outbox;

    @Test
    void aRandomisedParticipantIsInvitedBySmsAndChoosesTheirOwnPassword() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        String clinician = trial.account(accounts, "inv", "Ivy Inviter", PortalRole.CLINICIAN);
        signInToUi(clinician);
        String id = trial.randomised(screening, consent, randomisation, TrialFixture.candidate("Nina Phone",
                "+86 138 0000 0123", null));

        UI.getCurrent().navigate("participants/" + id);
        // No email address on the record: only SMS is possible.
        assertThat(_get(Button.class, spec -> spec.withText("Invite by email")).isEnabled()).isFalse();
        assertThat(viewText()).doesNotContain("The last invitation");
        _click(_get(Button.class, spec -> spec.withText("Invite by SMS")));
        // Sent once: the button now sends it again, and the panel says when the last one went.
        assertThat(_find(Button.class, spec -> spec.withText("Invite by SMS"))).isEmpty();
        assertThat(_get(Button.class, spec -> spec.withText("Invite again by SMS")).isEnabled()).isTrue();
        assertThat(viewText()).containsPattern("The last invitation went by SMS on \\w{3} \\d+, \\d{4}");

        OutboxMessage sms = SystemActor.callAs("test", trial.tenantId(), Set.of(PortalRole.COORDINATOR),
                () -> outbox.latest(50)).stream().filter(m -> m.getPurpose() == MessagePurpose.ACCOUNT_INVITATION)
                .findFirst().orElseThrow();
        assertThat(sms.getChannel()).isEqualTo(Channel.SMS);
        assertThat(sms.getRecipient()).isEqualTo("+8613800000123");
        assertThat(sms.getParticipantId()).isEqualTo(id);
        String username = trial.tenantId() + ".test-001";
        assertThat(SentText.of(sms)).contains("Nina Phone", username, "/set-password/").doesNotContain("TEST",
                "Trial operations test", "Exercise", "Control");
        // Staff who read the outbox never see a link that sets the participant's password.
        assertThat(sms.getBody()).contains("/set-password/•••").doesNotContain(SentText.of(sms)
                .replaceAll("(?s).*/set-password/(\\S+).*", "$1"));
        assertThat(viewText()).contains("Signs in as " + username);

        // The participant chooses their password on the link and then reaches their own record.
        String token = SentText.of(sms).replaceAll("(?s).*/set-password/(\\S+).*", "$1");
        assertThat(passwordLinks.setPassword(token, PASSWORD)).contains(username);
        assertThat(passwordLinks.isOpen(token)).isFalse();
        signInToUi(username);
        assertThat(participants.me()).hasValueSatisfying(me -> assertThat(me.id()).isEqualTo(id));

        // Their account is ready now: no invitation is offered, and none can reset the password they chose.
        signInToUi(clinician);
        UI.getCurrent().navigate("participants/" + id);
        assertThat(_find(Button.class, spec -> spec.withText("Invite again by SMS"))).isEmpty();
        assertThatThrownBy(() -> invitations.invite(id, Channel.SMS)).isInstanceOf(ValidationException.class);
    }
}
