package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.participants.ContactPreferences;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ProgrammeParticipants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Session reminders from the demo's programmes: planned on programme days at 09:00 in the participant's zone, by a
 * channel they agreed to, with a signed link and neutral words; planning again adds nothing.
 */
class ReminderPlannerTests extends PortalTest {

    @Autowired
    ReminderPlanner planner;
    @Autowired
    Outbox outbox;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ParticipantService participants;
    @Autowired
    ProgrammeParticipants programmeParticipants;

    @Test
    void remindersArePlannedOnceOnProgrammeDaysWithASignedLinkAndNeutralWords() {
        int planned = asSystem("fudan", Set.of(PortalRole.COORDINATOR), () -> planner.planSessionReminders(7));
        assertThat(asSystem("fudan", Set.of(PortalRole.COORDINATOR), () -> planner.planSessionReminders(7)))
                .as("planning again adds nothing").isZero();

        List<OutboxMessage> reminders = asSystem("fudan", Set.of(PortalRole.COORDINATOR), () -> outbox.latest(500))
                .stream().filter(m -> m.getPurpose() == MessagePurpose.SESSION_REMINDER).toList();
        assertThat(reminders).as("Mon, Wed and Fri in the coming week").isNotEmpty()
                .hasSizeGreaterThanOrEqualTo(planned).allSatisfy(m -> {
                    // SMS where the number is a valid one, else email: both were agreed to.
                    assertThat(m.getRecipient()).matches(m.getChannel() == Channel.SMS ? "\\+86\\d{11}"
                            : ".+@example\\.org");
                    assertThat(m.bodyToSend()).containsPattern("/l/[A-Za-z0-9_-]{43}").doesNotContainIgnoringCase(
                            "exercise")
                            .doesNotContain("RE-MS").doesNotContain("运动");
                });
        // At her reminder time. Today's is left out: once 09:00 has passed there, a reminder another test of this
        // class moved to 18:30 cannot move back into the past (see changedPreferencesMovePendingRemindersAtOnce).
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        assertThat(reminders).filteredOn(m -> m.getDueAt().atZone(zone).toLocalDate().isAfter(LocalDate.now(zone)))
                .isNotEmpty().allSatisfy(m -> assertThat(m.getDueAt().atZone(zone).toLocalTime().toString())
                        .isEqualTo("09:00"));
    }

    @Test
    void assessmentRemindersGoTheDayBeforeOnceAndNameTheDateInTheParticipantsLanguage() {
        Set<PortalRole> roles = EnumSet.of(PortalRole.COORDINATOR, PortalRole.CLINICIAN);
        int planned = asSystem("fudan", roles, () -> planner.planAssessmentReminders(30));
        assertThat(asSystem("fudan", roles, () -> planner.planAssessmentReminders(30))).isZero();
        List<OutboxMessage> reminders = asSystem("fudan", Set.of(PortalRole.COORDINATOR), () -> outbox.latest(500))
                .stream().filter(m -> m.getPurpose() == MessagePurpose.ASSESSMENT_DUE).toList();
        assertThat(reminders).as("the demo has assessments due in the coming month").isNotEmpty()
                .hasSizeGreaterThanOrEqualTo(planned).allSatisfy(m -> {
                    assertThat(m.getIdempotencyKey()).startsWith("assessment-due:");
                    assertThat(m.getBody()).doesNotContainIgnoringCase("exercise").doesNotContain("运动");
                    assertThat(m.getBody()).containsPattern(m.getLocale().getLanguage().equals("zh") ? "\\d{4}年"
                            : "20\\d\\d");
                });
    }

    @Test
    void aWeeklyVideoLinkIsPlannedOncePerProgrammeWeekAndOpensAnExerciseWithAVideo() {
        Set<PortalRole> roles = EnumSet.of(PortalRole.COORDINATOR);
        int planned = asSystem("fudan", roles, () -> planner.planVideoLinks(7));
        assertThat(asSystem("fudan", roles, () -> planner.planVideoLinks(7))).as("planning again adds nothing")
                .isZero();
        List<OutboxMessage> links = asSystem("fudan", roles, () -> outbox.latest(1000)).stream()
                .filter(m -> m.getPurpose() == MessagePurpose.VIDEO_LINK).toList();
        assertThat(links).as("the demo's exercise arm follows a programme with a video").isNotEmpty()
                .hasSizeGreaterThanOrEqualTo(planned).allSatisfy(m -> {
                    assertThat(m.getIdempotencyKey()).matches("video-link:[0-9a-f]+:week-\\d+:(SMS|EMAIL)");
                    assertThat(m.getBody()).doesNotContainIgnoringCase("exercise").doesNotContain("运动");
                    String token = m.bodyToSend().replaceAll("(?s).*/l/([A-Za-z0-9_-]{43}).*", "$1");
                    ParticipantLink link = mongo.findOne(Query.query(Criteria.where("tokenHash").is(ParticipantLinks
                            .hash(
                                    token))), ParticipantLink.class);
                    assertThat(link).isNotNull();
                    assertThat(link.location()).startsWith("my-exercises?exercise=");
                });
        // One per participant and programme week.
        assertThat(links.stream().map(m -> m.getParticipantId() + m.getIdempotencyKey().replaceAll(":(SMS|EMAIL)$",
                "")).distinct().count()).isEqualTo(links.size());
    }

    @Test
    void changedPreferencesMovePendingRemindersAtOnce() {
        Set<PortalRole> coordinator = EnumSet.of(PortalRole.COORDINATOR);
        asSystem("fudan", coordinator, () -> planner.planSessionReminders(7));
        signIn("fudan.participant");
        String me = programmeParticipants.me().orElseThrow().id();
        ContactPreferences before = participants.myContactPreferences().orElseThrow();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        try {
            participants.saveMyContactPreferences(new ContactPreferences("Asia/Shanghai", LocalTime.of(18, 30),
                    LocalTime.of(22, 0), LocalTime.of(7, 0)));
            List<OutboxMessage> pending = asSystem("fudan", coordinator, () -> outbox.messagesOf(me)).stream()
                    .filter(m -> m.getPurpose() == MessagePurpose.SESSION_REMINDER
                            && m.getStatus() == OutboxMessage.Status.PENDING
                            && m.getDueAt().atZone(zone).toLocalDate().isAfter(LocalDate.now(zone)))
                    .toList();
            assertThat(pending).as("the demo participant exercises in the coming week").isNotEmpty()
                    .allSatisfy(m -> assertThat(m.getDueAt().atZone(zone).toLocalTime()).isEqualTo("18:30"));
            assertThat(pending.stream().map(OutboxMessage::getIdempotencyKey).distinct()).hasSameSizeAs(pending);
        } finally {
            signIn("fudan.participant");
            participants.saveMyContactPreferences(before.reminderTime() == null ? new ContactPreferences(
                    before.timeZone(), ContactPreferences.DEFAULT_REMINDER, ContactPreferences.DEFAULT_QUIET_FROM,
                    ContactPreferences.DEFAULT_QUIET_UNTIL) : before);
        }
        // The coming days' go back to 09:00. Today's stays at 18:30 once 09:00 has passed: it cannot go into the past.
        assertThat(asSystem("fudan", coordinator, () -> outbox.messagesOf(me)).stream()
                .filter(m -> m.getPurpose() == MessagePurpose.SESSION_REMINDER
                        && m.getStatus() == OutboxMessage.Status.PENDING
                        && m.getDueAt().atZone(zone).toLocalDate().isAfter(LocalDate.now(zone)))
                .map(m -> m.getDueAt().atZone(zone).toLocalTime().toString())).containsOnly("09:00");
    }
}
