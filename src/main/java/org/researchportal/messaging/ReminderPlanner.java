package org.researchportal.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.PhoneNumbers;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.messaging.DueReminders.AssessmentDue;
import org.researchportal.messaging.DueReminders.ExpectedCall;
import org.researchportal.messaging.DueReminders.QuestionnaireDue;
import org.researchportal.messaging.DueReminders.SessionDay;
import org.researchportal.messaging.DueReminders.VideoWeek;
import org.researchportal.participants.ParticipantContact;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.participants.ParticipantStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Plans the exercise-session reminders from the programmes: one per programme day, at the participant's chosen
 * reminder time in their zone (09:00 unless they chose), moved out of their quiet hours, on a channel they consented to (SMS first, then email), in
 * their language. Planning again finds the reminders already in the outbox (one key per participant and day).
 */
@Service
public class ReminderPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderPlanner.class);
    /** How far ahead the schedule plans: a week, so changes reach the outbox within one planning round. */
    static final int DAYS_AHEAD = 7;

    // Looked up when planning, not at start: a module that tells what is due may itself use messaging's services.
    private final ObjectProvider<DueReminders> sources;
    private final ParticipantContacts participants;
    private final MessageTemplates templates;
    private final Outbox outbox;
    private final ParticipantLinks links;
    private final Clock clock;
    private final ClinicalRecordLocks locks;

    ReminderPlanner(ObjectProvider<DueReminders> sources, ParticipantContacts participants, MessageTemplates templates,
            Outbox outbox, ParticipantLinks links, Clock clock, ClinicalRecordLocks locks) {
        this.locks = locks;
        this.sources = sources;
        this.participants = participants;
        this.templates = templates;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /** Plans the next days' session reminders of the tenant; answers how many it newly planned. */
    @Secured(Authorities.COORDINATOR)
    public int planSessionReminders(int days) {
        return planSessionReminders(days, anyone -> true);
    }

    private int planSessionReminders(int days, Predicate<String> who) {
        Instant now = clock.instant();
        int planned = 0;
        List<SessionDay> sessionDays = due(source -> source.sessionDays(days), SessionDay::participantId, who);
        Function<SessionDay, String> key = day -> "session-reminder:" + day.participantId() + ":" + day.date();
        PlanningRound round = PlanningRound.over(sessionDays, key, outbox, templates);
        for (SessionDay day : sessionDays) {
            try {
                // A signed link to the participant's home page: it names neither the study, the programme nor the arm.
                planned += remind(round, day.participantId(), MessagePurpose.SESSION_REMINDER, key.apply(day),
                        day.date(), null, null, days, now, (to, due) -> Map.of(
                                "name", to.displayName(), "time", to.preferences().reminderTime().toString(),
                                "link", links.issue(to.id(), ParticipantLink.Target.HOME, due))) ? 1 : 0;
            } catch (RuntimeException e) {
                // One participant's bad data (an unknown time zone) must not stop everyone else's reminders.
                LOG.error("Could not plan the reminder of participant {} for {}", day.participantId(), day.date(), e);
            }
        }
        return planned;
    }

    /**
     * Plans the weekly link to an exercise video for each participant following a programme: on the first programme
     * day of each week, at their reminder time. The message says only that there is something new; the link opens
     * their exercises at that video. Answers how many it newly planned.
     */
    @Secured(Authorities.COORDINATOR)
    public int planVideoLinks(int days) {
        return planVideoLinks(days, anyone -> true);
    }

    private int planVideoLinks(int days, Predicate<String> who) {
        Instant now = clock.instant();
        int planned = 0;
        List<VideoWeek> weeks = due(source -> source.videoWeeks(days), VideoWeek::participantId, who);
        Function<VideoWeek, String> key = week -> "video-link:" + week.participantId() + ":week-" + week.week();
        PlanningRound round = PlanningRound.over(weeks, key, outbox, templates);
        for (VideoWeek week : weeks) {
            try {
                planned += remind(round, week.participantId(), MessagePurpose.VIDEO_LINK, key.apply(week),
                        week.date(), null, null, days, now, (to, due) -> Map.of(
                                "name", to.displayName(), "link", links.issue(to.id(),
                                        ParticipantLink.Target.EXERCISES, week.exerciseCode(), due))) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.error("Could not plan the video link of participant {} for {}", week.participantId(),
                        week.date(), e);
            }
        }
        return planned;
    }

    /**
     * Plans the reminder the day before each telephone follow-up the participant can expect: "we will call you
     * tomorrow between ..." (the time they asked to be called back, else their preferred call time). A call that
     * moved drops the reminder of its old day. Answers how many it newly planned.
     */
    @Secured(Authorities.COORDINATOR)
    public int planCallReminders(int days) {
        return planCallReminders(days, anyone -> true);
    }

    int planCallReminders(int days, Predicate<String> who) {
        Instant now = clock.instant();
        int planned = 0;
        List<ExpectedCall> calls = due(source -> source.expectedCalls(days + 1), ExpectedCall::participantId, who);
        PlanningRound round = PlanningRound.over(calls, call -> callReminderPrefix(call.callId()) + call.day(),
                outbox, templates);
        // The same calls' reminders for another day (they were due then, before they asked to be called back).
        outbox.cancelCallRemindersOnOtherDays(calls);
        for (ExpectedCall call : calls) {
            String key = callReminderPrefix(call.callId()) + call.day();
            try {
                planned += remind(round, call.participantId(), MessagePurpose.CALL_REMINDER, key,
                        call.day().minusDays(1), null, null, days + 1, now, (to, due) -> Map.of("name", to
                                .displayName(),
                                "date", call.day().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                        .withLocale(PortalLocales.fromTag(to.language()))),
                                "window", CallWindows.of(call))) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.error("Could not plan the call reminder of participant {}", call.participantId(), e);
            }
        }
        return planned;
    }

    static String callReminderPrefix(String callId) {
        return "call-reminder:" + callId + ":";
    }

    /**
     * Plans a reminder the day before each assessment that falls due in the coming days (at the reminder time, out
     * of quiet hours, on a consented channel, in the participant's language). Every arm is assessed alike, so the
     * reminder says nothing of the arm. Answers how many it newly planned.
     */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public int planAssessmentReminders(int days) {
        return planAssessmentReminders(days, anyone -> true);
    }

    private int planAssessmentReminders(int days, Predicate<String> who) {
        Instant now = clock.instant();
        int planned = 0;
        List<String> assessed = new ArrayList<>();
        List<AssessmentDue> timepoints = due(DueReminders::assessments, AssessmentDue::participantId, who);
        Function<AssessmentDue, String> key = due -> "assessment-due:" + due.participantId() + ":" + due.timepoint();
        PlanningRound round = PlanningRound.over(timepoints.stream().filter(due -> !due.done()).toList(), key,
                outbox, templates);
        for (AssessmentDue due : timepoints) {
            if (due.done()) {
                for (Channel channel : Channel.values()) {
                    assessed.add("assessment-due:" + due.participantId() + ":" + due.timepoint() + ":" + channel);
                }
                continue;
            }
            try {
                planned += remind(round, due.participantId(), MessagePurpose.ASSESSMENT_DUE, key.apply(due),
                        due.dueOn().minusDays(1), null, null, days + 1, now,
                        (to, at) -> Map.of("name", to.displayName(), "date", due.dueOn().format(DateTimeFormatter
                                .ofLocalizedDate(FormatStyle.LONG).withLocale(PortalLocales.fromTag(
                                        to.language()))))) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.error("Could not plan the assessment reminder of participant {}", due.participantId(), e);
            }
        }
        // Assessed before their reminder went: those reminders are not wanted any more (one query for the round).
        if (!assessed.isEmpty()) {
            outbox.cancelPendingWithKeys(assessed, "Assessed already");
        }
        return planned;
    }

    /**
     * Plans the invitation to answer a timepoint's questionnaires on the day its window opens, and a reminder on each
     * day the study set after that while the window is open; all at the participant's reminder time, out of her quiet
     * hours. An invitation whose day has passed (her window opened before she was randomised) goes as soon as quiet
     * hours allow. A timepoint with nothing left for her to answer (answered, excused, window closed) cancels what is
     * still pending of it. Answers how many it newly planned.
     */
    int planQuestionnaires(int days, Predicate<String> who) {
        Instant now = clock.instant();
        int planned = 0;
        List<QuestionnaireDue> timepoints = due(DueReminders::questionnaires, QuestionnaireDue::participantId, who);
        List<QuestionnaireSend> sends = new ArrayList<>();
        List<String> settled = new ArrayList<>();
        for (QuestionnaireDue due : timepoints) {
            List<QuestionnaireSend> ofTimepoint = new ArrayList<>();
            ofTimepoint.add(new QuestionnaireSend(due, MessagePurpose.QUESTIONNAIRE_INVITATION, questionnairePrefix(
                    due) + "invitation", due.opensOn()));
            for (int after : due.reminderDays()) {
                LocalDate day = due.opensOn().plusDays(after);
                if (!day.isAfter(due.closesOn())) {
                    ofTimepoint.add(new QuestionnaireSend(due, MessagePurpose.QUESTIONNAIRE_REMINDER,
                            questionnairePrefix(due) + "day-" + after, day));
                }
            }
            // Without a phone account she cannot open the link: the site asks her on paper or by telephone (her
            // window closing unanswered puts her on the coordinators' worklist).
            boolean canAnswer = participants.contact(due.participantId()).map(c -> c.accountId() != null)
                    .orElse(false);
            if (due.done() || !canAnswer) {
                ofTimepoint.forEach(send -> Arrays.stream(Channel.values()).forEach(channel -> settled.add(send
                        .key() + ":" + channel)));
            } else {
                sends.addAll(ofTimepoint);
            }
        }
        // Reminders on days the study no longer sets (its administrator changed them) are not wanted any more.
        Set<String> wanted = sends.stream().map(QuestionnaireSend::key).collect(Collectors.toSet());
        outbox.cancelPendingUnwanted(MessagePurpose.QUESTIONNAIRE_REMINDER, sends.stream().map(send -> send.due()
                .participantId()).collect(Collectors.toSet()), wanted::contains, "The study's reminder days changed");
        PlanningRound round = PlanningRound.over(sends, QuestionnaireSend::key, outbox, templates);
        for (QuestionnaireSend send : sends) {
            QuestionnaireDue due = send.due();
            boolean invitation = send.purpose() == MessagePurpose.QUESTIONNAIRE_INVITATION;
            // A reminder comes a day after the invitation at the soonest (one that went late, when she was
            // randomised after her window opened, is not followed by a reminder the same morning).
            Optional<Instant> invited = Arrays.stream(Channel.values()).flatMap(channel -> round.planned(
                    questionnairePrefix(due) + "invitation:" + channel).stream()).map(OutboxMessage::getDueAt)
                    .min(Instant::compareTo);
            if (!invitation && invited.isEmpty()) {
                continue;
            }
            try {
                planned += remind(round, due.participantId(), send.purpose(), send.key(), send.day(),
                        invitation ? due.closesOn() : null, invitation ? null : invited.get().plus(Duration.ofDays(
                                1)), days, now,
                        (to, at) -> Map.of("name", to.displayName(), "date", due.closesOn().format(DateTimeFormatter
                                .ofLocalizedDate(FormatStyle.LONG).withLocale(PortalLocales.fromTag(to.language()))),
                                // The link names the timepoint's code only: never an instrument or a symptom. It
                                // works until her window closes, at the end of that day in her zone.
                                "link", links.issue(to.id(), ParticipantLink.Target.QUESTIONNAIRE, due.timepoint(),
                                        at, ParticipantLinks.endOfDay(due.closesOn(), to.timeZone())))) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.error("Could not plan the questionnaire message of participant {} for {}", due.participantId(),
                        due.timepoint(), e);
            }
        }
        // Answered (or past) before their messages went: those are not wanted any more (one query for the round).
        if (!settled.isEmpty()) {
            outbox.cancelPendingWithKeys(settled, "Questionnaires answered already");
        }
        return planned;
    }

    private static String questionnairePrefix(QuestionnaireDue due) {
        return "questionnaire:" + due.participantId() + ":" + due.timepoint() + ":";
    }

    /** One invitation or reminder of a timepoint's questionnaires, on its day. */
    private record QuestionnaireSend(QuestionnaireDue due, MessagePurpose purpose, String key, LocalDate day) {}

    /** What every module that knows says is due, of one kind, for the participants planned for. */
    private <T> List<T> due(Function<DueReminders, List<T>> kind, Function<T, String> participant,
            Predicate<String> who) {
        return sources.orderedStream().flatMap(source -> kind.apply(source).stream())
                .filter(due -> who.test(participant.apply(due))).toList();
    }

    /** Plans everything of the coming days, as the schedule does every few hours; answers how many were new. */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public int planAll() {
        return planSessionReminders(DAYS_AHEAD) + planVideoLinks(DAYS_AHEAD) + planCallReminders(DAYS_AHEAD)
                + planAssessmentReminders(DAYS_AHEAD) + planQuestionnaires(DAYS_AHEAD, anyone -> true);
    }

    /**
     * Plans one participant's coming messages again after their preferences changed: pending ones move to the new
     * time (out of the new quiet hours) and speak the new language; missing ones are added.
     */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public int replan(String participantId) {
        Predicate<String> only = participantId::equals;
        return planSessionReminders(DAYS_AHEAD, only) + planVideoLinks(DAYS_AHEAD, only)
                + planCallReminders(DAYS_AHEAD, only) + planAssessmentReminders(DAYS_AHEAD, only)
                + planQuestionnaires(DAYS_AHEAD, only);
    }

    /**
     * Plans one reminder for a participant on a day (within the planning window in their calendar): at their
     * reminder time, moved out of their quiet hours, on a channel they agreed to, in their language, once per key
     * and channel. The kinds differ only in the day, the key and the words filled in. A message that may go late
     * ({@code lateUntil}: an invitation) whose day or time has passed goes as soon as quiet hours allow, up to that day;
     * one that would go before {@code notBefore} (a reminder soon after its invitation) is not planned.
     */
    private boolean remind(PlanningRound round, String participantId, MessagePurpose purpose, String key, LocalDate day,
            @Nullable LocalDate lateUntil, @Nullable Instant notBefore, int days, Instant now,
            BiFunction<ParticipantContact, Instant, Map<String, String>> words) {
        Optional<ParticipantContact> contact = participants.contact(participantId)
                .filter(c -> c.status() == ParticipantStatus.ENROLLED)
                // A locked study asks nothing more of its participants.
                .filter(c -> !round.studyLocked(c.studyId(), locks::studyLocked));
        Optional<Channel> channel = contact.flatMap(ReminderPlanner::channel);
        if (channel.isEmpty()) {
            return false;
        }
        ParticipantContact to = contact.orElseThrow();
        ZoneId zone = ZoneId.of(to.timeZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        // The channel is part of the key: after SMS consent ends, the email reminder for the same day is a new send.
        String keyed = key + ":" + channel.get();
        boolean mayGoLate = lateUntil != null && !today.isAfter(lateUntil);
        if (mayGoLate && day.isBefore(today)) {
            day = today;
        }
        if (day.isBefore(today) || !day.isBefore(today.plusDays(days))) {
            return false;
        }
        var preferences = to.preferences();
        QuietHours quiet = QuietHours.of(preferences);
        Instant due = quiet.adjust(day.atTime(preferences.reminderTime()).atZone(zone).toInstant(), zone);
        boolean late = mayGoLate && due.isBefore(now);
        if (late) {
            due = quiet.adjust(now, zone);
        }
        if (notBefore != null && due.isBefore(notBefore)) {
            return false;
        }
        Locale locale = PortalLocales.fromTag(to.language());
        Optional<OutboxMessage> planned = round.planned(keyed);
        if (planned.isPresent()) {
            // Planned already: re-planned only if still pending and its time or language no longer fits (a late one
            // keeps its time: "as soon as possible" moves with every round).
            OutboxMessage before = planned.get();
            if (before.getStatus() == OutboxMessage.Status.PENDING && !late && !due.isBefore(now) && (!before.getDueAt()
                    .equals(due) || !before.getLocale().equals(locale))) {
                outbox.replan(before, message(round, keyed, purpose, channel.get(), to, locale, due, words));
            }
            return false;
        }
        if (due.isBefore(now)) {
            return false;
        }
        round.enqueued(keyed, outbox.enqueue(message(round, keyed, purpose, channel.get(), to, locale, due, words)));
        return true;
    }

    private NewMessage message(PlanningRound round, String key, MessagePurpose purpose, Channel channel,
            ParticipantContact to, Locale locale, Instant due,
            BiFunction<ParticipantContact, Instant, Map<String, String>> words) {
        TemplateText template = round.wording(purpose, channel, locale.toLanguageTag());
        Map<String, String> values = words.apply(to, due);
        TemplateText text = template.render(values);
        return new NewMessage(key, purpose, channel, channel == Channel.SMS
                ? PhoneNumbers.e164(to.phone(), null).orElseThrow() : String.valueOf(to.email()), to.id(), to.studyId(),
                locale,
                text.subject(), text.body(), channel == Channel.EMAIL ? template.renderHtml(values) : null, due);
    }

    /** SMS if they agreed to it and have a valid number, else email if they agreed to that; else none. */
    static Optional<Channel> channel(ParticipantContact contact) {
        if (contact.smsConsent() && PhoneNumbers.e164(contact.phone(), null).isPresent()) {
            return Optional.of(Channel.SMS);
        }
        if (contact.emailConsent() && contact.email() != null && !contact.email().isBlank()) {
            return Optional.of(Channel.EMAIL);
        }
        return Optional.empty();
    }
}
