package org.researchportal.exercise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.Authorities;
import org.researchportal.exercise.SessionLogRecords.LastSession;
import org.researchportal.exercise.SessionLogRecords.SessionCount;
import org.researchportal.participants.ParticipantRef;
import org.researchportal.participants.ProgrammeParticipants;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * How participants of the exercise arm are doing against their programme: the therapist's overview, the caseload's
 * figures, progress week by week, adherence for an export, and the participant's own figures.
 */
@Service
public class ProgressFigures {

    private final ProgrammeParticipants participants;
    private final ExerciseArm arm;
    private final ProgrammeRecords records;
    private final SessionLogRecords sessions;
    private final ProgrammeAlertRecords alerts;
    private final WeeklySummaries summaries;

    ProgressFigures(ProgrammeParticipants participants, ExerciseArm arm, ProgrammeRecords records,
            SessionLogRecords sessions, ProgrammeAlertRecords alerts, WeeklySummaries summaries) {
        this.participants = participants;
        this.arm = arm;
        this.records = records;
        this.sessions = sessions;
        this.alerts = alerts;
        this.summaries = summaries;
    }

    /** What a therapist works from: the programme, its manual edition and the sessions logged. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public ProgrammeOverview overview(String participantId) {
        ParticipantRef participant = arm.participant(participantId);
        Programme programme = records.findProgramme(participantId).orElse(null);
        ExerciseManual manual = programme != null
                ? records.manualOf(programme)
                : records.latestManual(participant.studyId()).orElse(null);
        return new ProgrammeOverview(participant, programme, manual, sessions.sessionsOf(participantId),
                figuresOf(participant), records.checkInsOf(participantId));
    }

    /** The caseload's figures for one participant of the exercise arm; without a programme, nothing is planned. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public ProgrammeFigures figures(String participantId) {
        return figuresOf(arm.participant(participantId));
    }

    /** The same for a page of a caseload at once; a participant not in the exercise arm (or unknown) is left out. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public Map<String, ProgrammeFigures> figures(Collection<String> participantIds) {
        return figuresOf(participants.programmeParticipants(participantIds).stream()
                .filter(arm::includes).toList());
    }

    /**
     * Whole-programme adherence of a page of a study's participants, for an export: one entry per participant with a
     * programme (only the exercise arm has one, which is why a blinded reader never gets this). Two queries a page.
     */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public List<ProgrammeAdherence> adherence(String studyId, Collection<String> participantIds) {
        List<Programme> programmes = records.programmesOf(studyId, participantIds);
        if (programmes.isEmpty()) {
            return List.of();
        }
        Map<String, ParticipantRef> refs = new HashMap<>();
        participants.programmeParticipants(programmes.stream().map(Programme::getParticipantId).toList())
                .forEach(p -> refs.put(p.id(), p));
        Map<String, SessionCount> counts = sessions.sessionCounts(refs.keySet());
        List<ProgrammeAdherence> adherence = new ArrayList<>();
        for (Programme programme : programmes) {
            ParticipantRef participant = refs.get(programme.getParticipantId());
            if (participant == null) {
                continue;
            }
            // A participant who left the trial is not counted as missing the days after they left.
            LocalDate until = arm.countedUntil(participant);
            SessionCount count = counts.getOrDefault(participant.id(), SessionCount.none(participant.id()));
            adherence.add(new ProgrammeAdherence(participant.id(), programme.getTemplate(),
                    programme.getManualEdition(), programme.getStartDate(), until,
                    programme.programmeDays(programme.getStartDate(), until).size(), count.days(), count.sessions()));
        }
        return adherence;
    }

    /**
     * A participant's progress week by week since the programme started, from the weekly summaries (not the logs):
     * programme days planned against sessions, exertion and pain, with the pain baseline and the weekly check-ins.
     */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public ProgrammeProgress progress(String participantId) {
        ParticipantRef participant = arm.participant(participantId);
        Programme programme = records.programme(participantId);
        LocalDate today = arm.today(participant);
        LocalDate first = ProgrammeRecords.weekStart(programme.getStartDate());
        Map<LocalDate, WeeklySummary> summarised = new HashMap<>();
        summaries.since(participantId, first).forEach(w -> summarised.put(w.getWeekStart(), w));
        List<LocalDate> unsummarised = new ArrayList<>();
        for (LocalDate week = first; !week.isAfter(today); week = week.plusWeeks(1)) {
            if (!summarised.containsKey(week)) {
                unsummarised.add(week);
            }
        }
        // A week without a summary is one with no session, unless it was logged before summaries existed (or its
        // refresh failed): which weeks had sessions is one read, not two per quiet week.
        Set<LocalDate> logged = unsummarised.isEmpty() ? Set.of()
                : sessions.weeksWithSessions(participantId, unsummarised.getFirst());
        List<WeekFigures> weeks = new ArrayList<>();
        for (LocalDate week = first; !week.isAfter(today); week = week.plusWeeks(1)) {
            int planned = plannedInWeek(programme, week, today);
            if (!summarised.containsKey(week) && logged.contains(week)) {
                // A week logged before summaries existed (or whose refresh failed) is summarised now.
                summaries.refresh(participantId, participant.studyId(), week);
                summaries.of(participantId, week).ifPresent(w -> summarised.put(w.getWeekStart(), w));
            }
            WeeklySummary summary = summarised.get(week);
            weeks.add(summary == null ? WeekFigures.empty(week, planned) : summary.toFigures(planned));
        }
        OptionalDouble baseline = AlertRules.baseline(sessions.firstSessions(participantId,
                AlertRules.BASELINE_SESSIONS));
        return new ProgrammeProgress(participant, programme.getStartDate(), weeks,
                baseline.isPresent() ? baseline.getAsDouble() : null, records.checkInsOf(participantId));
    }

    /** Programme days of one week, counting only from the start and up to today. */
    static int plannedInWeek(Programme programme, LocalDate weekStart, LocalDate today) {
        LocalDate end = weekStart.plusDays(6).isAfter(today) ? today : weekStart.plusDays(6);
        return end.isBefore(weekStart) ? 0 : programme.programmeDays(weekStart, end).size();
    }

    /** How the signed-in participant of the exercise arm is doing against their plan. */
    @Secured(Authorities.PARTICIPANT)
    public ProgrammeFigures myFigures() {
        return figuresOf(arm.requireMe());
    }

    private ProgrammeFigures figuresOf(ParticipantRef participant) {
        return figuresOf(List.of(participant)).get(participant.id());
    }

    /**
     * The figures of several participants with one query per kind of document, not one per participant: a caseload
     * page of 50 costs the same few queries as one row, those who logged nothing for four weeks included.
     */
    private Map<String, ProgrammeFigures> figuresOf(List<ParticipantRef> refs) {
        if (refs.isEmpty()) {
            return Map.of();
        }
        List<String> ids = refs.stream().map(ParticipantRef::id).toList();
        Map<String, LocalDate> todays = new HashMap<>();
        refs.forEach(p -> todays.put(p.id(), arm.today(p)));
        LocalDate earliest = todays.values().stream().min(LocalDate::compareTo).orElseThrow();
        Map<String, Programme> programmes = new HashMap<>();
        records.programmesOf(ids).forEach(p -> programmes.put(p.getParticipantId(), p));
        Map<String, List<SessionRecord>> recent = new HashMap<>();
        sessions.sessionsAfter(ids, earliest.minusDays(28)).forEach((id, logged) -> recent.put(id, logged.stream()
                .filter(r -> r.date().isAfter(todays.get(id).minusDays(28))).toList()));
        // Only someone with no session in four weeks needs a look further back: all of them in one read.
        Map<String, LastSession> quietSince = sessions.latestSessions(ids.stream()
                .filter(id -> recent.getOrDefault(id, List.of()).isEmpty()).toList());
        Map<String, Long> openAlerts = alerts.openCounts(ids);
        Map<String, List<WeeklySummary>> weeks = new HashMap<>();
        summaries.since(ids, ProgrammeRecords.weekStart(earliest).minusWeeks(4))
                .forEach(w -> weeks.computeIfAbsent(w.getParticipantId(), id -> new ArrayList<>()).add(w));
        Map<String, ProgrammeFigures> figures = new HashMap<>();
        for (ParticipantRef participant : refs) {
            String participantId = participant.id();
            LocalDate today = todays.get(participantId);
            List<SessionRecord> logged = recent.getOrDefault(participantId, List.of());
            LastSession last = logged.isEmpty() ? quietSince.get(participantId)
                    : LastSession.of(participantId, logged.getFirst());
            LocalDate fromWeek = ProgrammeRecords.weekStart(today).minusWeeks(4);
            List<WeekFigures> lastWeeks = weeks.getOrDefault(participantId, List.of()).stream()
                    .filter(w -> !w.getWeekStart().isBefore(fromWeek)).map(w -> w.toFigures(0)).toList();
            Programme programme = programmes.get(participantId);
            figures.put(participantId, new ProgrammeFigures(sessionDays(logged, today, 7), planned(programme, today,
                    7), sessionDays(logged, today, 28), planned(programme, today, 28),
                    last == null ? null : last.date(), last == null ? null : Math.max(last.painBefore(),
                            last.painAfter()), ProgrammeFigures.PainTrend.between(lastWeeks),
                    openAlerts.getOrDefault(participantId, 0L)));
        }
        return figures;
    }

    private static int sessionDays(List<SessionRecord> sessions, LocalDate today, int days) {
        LocalDate from = today.minusDays(days);
        return (int) sessions.stream().map(SessionRecord::date).filter(d -> d.isAfter(from)).distinct().count();
    }

    /** Programme days in the window that ends today, counting only from the programme's start. */
    static int planned(@Nullable Programme programme, LocalDate today, int days) {
        return programme == null ? 0 : programme.programmeDays(today.minusDays(days - 1L), today).size();
    }
}
