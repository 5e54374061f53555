package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.researchportal.base.PhoneNumbers;
import org.researchportal.participants.ContactPreferences;
import org.researchportal.participants.ParticipantContact;
import org.researchportal.participants.ParticipantStatus;

/** Quiet hours in the participant's own zone, across midnight and a daylight-saving change; channels by consent. */
class QuietHoursTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void aSendInsideTheQuietHoursMovesToTheirEndInTheParticipantsZone() {
        QuietHours quiet = QuietHours.DEFAULT;
        assertThat(quiet.adjust(at("2026-11-23T09:00", SHANGHAI), SHANGHAI)).isEqualTo(at("2026-11-23T09:00",
                SHANGHAI));
        assertThat(quiet.adjust(at("2026-11-23T22:30", SHANGHAI), SHANGHAI)).as("late evening: next morning")
                .isEqualTo(at("2026-11-24T08:00", SHANGHAI));
        assertThat(quiet.adjust(at("2026-11-23T06:00", SHANGHAI), SHANGHAI)).as("early morning: the same morning")
                .isEqualTo(at("2026-11-23T08:00", SHANGHAI));
        // The same instant is quiet for one participant and not for another.
        Instant noonInNewYork = at("2026-11-23T12:00", NEW_YORK);
        assertThat(quiet.adjust(noonInNewYork, NEW_YORK)).isEqualTo(noonInNewYork);
        assertThat(quiet.adjust(noonInNewYork, SHANGHAI)).as("01:00 in Shanghai").isEqualTo(
                at("2026-11-24T08:00", SHANGHAI));
    }

    @Test
    void theEndOfTheQuietHoursOnADaylightSavingDayIsAValidLocalTime() {
        // 8 March 2026, New York: clocks jump from 02:00 to 03:00; a quiet period ending at 02:30 ends at 03:30.
        var quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));
        Instant sent = quiet.adjust(at("2026-03-07T23:00", NEW_YORK), NEW_YORK);
        assertThat(sent.atZone(NEW_YORK).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-08T03:30"));
        // In autumn the hour repeats; the end is the first 02:30 (EDT), not an hour later.
        Instant autumn = new QuietHours(LocalTime.of(22, 0), LocalTime.of(1, 30)).adjust(
                at("2026-10-31T23:00", NEW_YORK), NEW_YORK);
        assertThat(autumn.atZone(NEW_YORK).getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);
        assertThat(autumn.atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(1, 30));
    }

    @Test
    void remindersGoOnlyOnAConsentedChannelWithAValidAddress() {
        assertThat(ReminderPlanner.channel(contact("+86 138 0013 8000", "a@example.org", true, true)))
                .contains(Channel.SMS);
        assertThat(ReminderPlanner.channel(contact("12345", "a@example.org", true, true))).as("no valid number")
                .contains(Channel.EMAIL);
        assertThat(ReminderPlanner.channel(contact("+86 138 0013 8000", "a@example.org", false, true)))
                .contains(Channel.EMAIL);
        assertThat(ReminderPlanner.channel(contact("+86 138 0013 8000", null, false, true))).isEqualTo(
                Optional.empty());
        assertThat(ReminderPlanner.channel(contact(null, null, true, true))).isEmpty();
        assertThat(PhoneNumbers.e164("+86 138 0013 8000", null)).contains("+8613800138000");
        assertThat(PhoneNumbers.e164("138 0013 8000", "CN")).contains("+8613800138000");
        assertThat(PhoneNumbers.e164("+1555", null)).isEmpty();
    }

    private static ParticipantContact contact(String phone, String email, boolean sms, boolean mail) {
        return new ParticipantContact("p1", "s1", "Li", ParticipantStatus.ENROLLED, phone, email, "zh-CN",
                "Asia/Shanghai", sms, mail, null, new ContactPreferences("Asia/Shanghai",
                        ContactPreferences.DEFAULT_REMINDER, ContactPreferences.DEFAULT_QUIET_FROM,
                        ContactPreferences.DEFAULT_QUIET_UNTIL), null);
    }
}
