package org.researchportal.exercise;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.participants.ParticipantRef;
import org.researchportal.participants.ProgrammeParticipants;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Compliance, adherence and fidelity of the participants who follow a programme, by the study's rule (see
 * {@link ParticipantAdherence}). Only the exercise arm has programmes, so every read here reveals allocation.
 */
@Service
public class AdherenceFigures {

    private final ProgrammeParticipants participants;
    private final ExerciseArm arm;
    private final ProgrammeRecords records;
    private final SessionLogRecords sessions;
    private final VideoRecords videos;
    private final AdherenceRules rules;
    private final TenantDocuments documents;

    AdherenceFigures(ProgrammeParticipants participants, ExerciseArm arm, ProgrammeRecords records,
            SessionLogRecords sessions, VideoRecords videos, AdherenceRules rules, TenantDocuments documents) {
        this.participants = participants;
        this.arm = arm;
        this.records = records;
        this.sessions = sessions;
        this.videos = videos;
        this.rules = rules;
        this.documents = documents;
    }

    /** The figures of every participant of the study with a programme, whatever became of her, by participant. */
    @ShowsArms
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.STATISTICIAN})
    public List<ParticipantAdherence> ofStudy(String studyId) {
        AdherenceRule rule = rules.rule(studyId);
        return figuresOf(studyId, records.programmesOfStudy(studyId), rule);
    }

    /** One participant's figures (her therapist's progress page); without a programme she is not found. */
    @ShowsArms
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.STATISTICIAN})
    public ParticipantAdherence ofParticipant(String participantId) {
        Programme programme = records.findProgramme(participantId)
                .orElseThrow(() -> new NotFoundException("Programme", participantId));
        List<ParticipantAdherence> figures = figuresOf(programme.getStudyId(), List.of(programme),
                rules.rule(programme.getStudyId()));
        if (figures.isEmpty()) {
            throw new NotFoundException("Participant", participantId);
        }
        return figures.getFirst();
    }

    /** The figures of these programmes with a handful of reads in all, not a few per participant. */
    private List<ParticipantAdherence> figuresOf(String studyId, List<Programme> programmes, AdherenceRule rule) {
        if (programmes.isEmpty()) {
            return List.of();
        }
        List<String> ids = programmes.stream().map(Programme::getParticipantId).toList();
        Map<String, ParticipantRef> refs = new HashMap<>();
        participants.programmeParticipants(ids).forEach(p -> refs.put(p.id(), p));
        LocalDate earliest = programmes.stream().map(Programme::getStartDate).min(LocalDate::compareTo).orElseThrow();
        Map<String, List<SessionRecord>> logged = sessions.sessionsAfter(ids, earliest.minusDays(1));
        Map<String, ManualReading> readings = new HashMap<>();
        documents.find(byParticipants(ids), ManualReading.class).forEach(r -> readings.put(r.getParticipantId(), r));
        Map<String, Set<String>> seen = new HashMap<>();
        documents.find(byParticipants(ids).addCriteria(Criteria.where("completedAt").ne(null)), VideoWatch.class)
                .forEach(w -> seen.computeIfAbsent(w.getParticipantId(), id -> new TreeSet<>())
                        .add(w.toEngagement().exerciseCode()));
        Map<String, Set<LocalDate>> checkIns = new HashMap<>();
        documents.find(byParticipants(ids), WeeklyCheckIn.class).forEach(c -> checkIns
                .computeIfAbsent(c.getParticipantId(), id -> new TreeSet<>()).add(c.getWeekStart()));
        Set<String> withVideo = videos.currentVideos(studyId).stream().map(ExerciseVideo::getExerciseCode)
                .collect(Collectors.toSet());
        Map<String, ExerciseManual> manuals = new HashMap<>();
        List<ParticipantAdherence> figures = new ArrayList<>();
        for (Programme programme : programmes) {
            ParticipantRef participant = refs.get(programme.getParticipantId());
            if (participant == null) {
                continue;
            }
            LocalDate until = arm.countedUntil(participant);
            ExerciseManual manual = manuals.computeIfAbsent(programme.getManualId(),
                    id -> records.manualOf(programme));
            ZoneId zone = ZoneId.of(participant.timeZone());
            List<AdherenceDay> days = days(programme, manual, zone, until,
                    logged.getOrDefault(participant.id(), List.of()), rule);
            List<String> prescribedVideos = programme.getItems().stream().map(ProgrammeItem::exercise)
                    .filter(withVideo::contains).toList();
            List<String> videosSeen = prescribedVideos.stream()
                    .filter(seen.getOrDefault(participant.id(), Set.of())::contains).toList();
            List<LocalDate> weeks = new ArrayList<>();
            for (LocalDate week = ProgrammeRecords.weekStart(programme.getStartDate()); !week.isAfter(
                    until); week = week.plusWeeks(1)) {
                weeks.add(week);
            }
            List<LocalDate> answered = weeks.stream()
                    .filter(checkIns.getOrDefault(participant.id(), Set.of())::contains).toList();
            ManualReading reading = readings.get(participant.id());
            figures.add(new ParticipantAdherence(participant.id(), participant.studyNumber(),
                    programme.getStartDate(), until, rule, days, reading == null ? null : reading.getFirstOpenedAt()
                            .atZone(zone).toLocalDate(),
                    reading == null ? 0 : reading.getOpens(), prescribedVideos, videosSeen, weeks, answered));
        }
        return figures;
    }

    /**
     * The programme days from the start up to {@code until}, each with the prescription in force that day: the
     * manual edition's dosage at level 1 as prescribed, then each adjustment from the day it was made (in the
     * participant's zone) on.
     */
    static List<AdherenceDay> days(Programme programme, ExerciseManual manual, ZoneId zone, LocalDate until,
            List<SessionRecord> logged, AdherenceRule rule) {
        Map<LocalDate, List<SessionRecord>> byDay = new HashMap<>();
        logged.forEach(s -> byDay.computeIfAbsent(s.date(), d -> new ArrayList<>()).add(s));
        Map<String, ProgrammeItem> current = new HashMap<>();
        programme.getItems().forEach(i -> current.put(i.exercise(), i));
        List<AdherenceDay> days = new ArrayList<>();
        for (LocalDate day : programme.programmeDays(programme.getStartDate(), until)) {
            Map<String, ProgrammeItem> inForce = new LinkedHashMap<>();
            programme.getItems().forEach(i -> inForce.put(i.exercise(), new ProgrammeItem(i.exercise(), manual
                    .exercise(i.exercise()).map(ManualExercise::dosage).orElse(i.dosage()), 1)));
            for (ProgrammeChange change : programme.getChanges()) {
                if (change.action() == ProgrammeChange.Action.ADJUSTED && inForce.containsKey(change.code())
                        && !change.at().atZone(zone).toLocalDate().isAfter(day)) {
                    // A change kept before adjustments recorded their dosage: the one prescribed now is the best known.
                    inForce.put(change.code(), new ProgrammeItem(change.code(), change.dosage() != null
                            ? change.dosage() : current.get(change.code()).dosage(), change.level() != null
                                    ? change.level() : inForce.get(change.code()).level()));
                }
            }
            List<SessionRecord> ofDay = byDay.getOrDefault(day, List.of());
            Set<String> doneCodes = new TreeSet<>();
            ofDay.forEach(s -> doneCodes.addAll(s.exercises()));
            List<String> done = inForce.keySet().stream().filter(doneCodes::contains).toList();
            days.add(new AdherenceDay(day, prescription(inForce.values()), inForce.size(), done,
                    ofDay.stream().mapToInt(SessionRecord::minutes).sum(), ofDay.size(),
                    AdherenceRule.reaches(done.size(), inForce.size(), rule.sessionPercent())));
        }
        return days;
    }

    /** The prescription of a day in short: each exercise with its dosage and level, e.g. "wall_push 2x10 L2". */
    static String prescription(Collection<ProgrammeItem> items) {
        return items.stream().map(i -> i.exercise() + " " + dosage(i.dosage()) + " L" + i.level())
                .collect(Collectors.joining("; "));
    }

    static String dosage(Dosage dosage) {
        List<String> parts = new ArrayList<>();
        if (dosage.sets() != null) {
            parts.add(dosage.repetitions() != null ? dosage.sets() + "x" + dosage.repetitions() : dosage.sets() + "x");
        }
        if (dosage.holdSeconds() != null) {
            parts.add(String.format(Locale.ROOT, "hold %ds", dosage.holdSeconds()));
        }
        if (dosage.minutes() != null) {
            parts.add(String.format(Locale.ROOT, "%dmin", dosage.minutes()));
        }
        return String.join(" ", parts);
    }

    private static Query byParticipants(Collection<String> ids) {
        return Query.query(Criteria.where("participantId").in(ids));
    }
}
