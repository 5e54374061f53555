package org.researchportal.analysis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AdverseEventRecord;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.exercise.DeliveredProgramme;
import org.researchportal.exercise.DeliveredProgrammes;
import org.researchportal.exercise.ExerciseManual;
import org.researchportal.exercise.ManualExercise;
import org.researchportal.exercise.ProgrammeChange;
import org.researchportal.exercise.ProgrammeDelivery;
import org.researchportal.exercise.ProgrammeItem;
import org.researchportal.exercise.ProgrammeTemplate;
import org.researchportal.participants.AnalysedParticipant;
import org.researchportal.participants.AnalysedParticipants;
import org.researchportal.study.ArmKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The exercise intervention as delivered, reported by the Consensus on Exercise Reporting Template (CERT; Slade et
 * al., Br J Sports Med 2016;50:1428-1437): each of its 19 items filled from the programme data where the portal
 * knows it (the manual, the programmes and their changes, the sessions, check-ins and videos recorded, the adverse
 * events judged related to the programme), with the records each figure was taken from; and the team's text for what
 * the portal cannot know (instructors' qualifications, the setting, motivation beyond the portal, decision rules).
 * <p>
 * The team's text is documentation for the paper, not clinical data: it stays editable after the database is locked.
 * The therapist and the clinician write it; the statistician reads only.
 */
@Service
public class CertReports {

    /** The longest text the team may write for one item. */
    public static final int MAX_TEXT = 2000;
    static final String ENTITY = "CertText";

    private final DeliveredProgrammes delivered;
    private final AnalysedParticipants analysed;
    private final AdverseEventService adverseEvents;
    private final CertTexts texts;
    private final AuditTrail audit;
    private final Clock clock;

    CertReports(DeliveredProgrammes delivered, AnalysedParticipants analysed, AdverseEventService adverseEvents,
            CertTexts texts, AuditTrail audit, Clock clock) {
        this.delivered = delivered;
        this.analysed = analysed;
        this.adverseEvents = adverseEvents;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The study's CERT report, item by item in the checklist's order. An unknown study is not found. */
    @ShowsArms
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.STATISTICIAN})
    public CertReport report(String studyId) {
        Map<String, AnalysedParticipant> people = new HashMap<>();
        analysed.randomised(studyId).forEach(p -> people.put(p.id(), p));
        ProgrammeDelivery delivery = delivered.delivery(studyId);
        List<DeliveredProgramme> programmes = delivery.programmes().stream()
                .filter(p -> people.containsKey(p.participantId())).toList();
        List<AdverseEventRecord> related = adverseEvents.relatedToProgramme(studyId).stream()
                .filter(e -> people.containsKey(e.participantId())
                        && people.get(e.participantId()).armKind() == ArmKind.INTERVENTION)
                .toList();
        Map<String, CertTeamText> team = new HashMap<>();
        texts.ofStudy(studyId).forEach(t -> team.put(t.getItem(), t.toTeamText()));

        var filling = new Filling(people, delivery.manual(), programmes);
        Map<CertItem, Filled> filled = new EnumMap<>(CertItem.class);
        filled.put(CertItem.ITEM_1, filling.materials());
        filled.put(CertItem.ITEM_2, filling.providers());
        filled.put(CertItem.ITEM_3, filling.individual());
        filled.put(CertItem.ITEM_4, filling.unsupervised());
        filled.put(CertItem.ITEM_5, filling.adherenceMeasured());
        filled.put(CertItem.ITEM_6, filling.motivation());
        filled.put(CertItem.ITEM_7A, filling.progressionRules());
        filled.put(CertItem.ITEM_7B, filling.progressed());
        filled.put(CertItem.ITEM_8, filling.exercises());
        filled.put(CertItem.ITEM_9, filling.homeProgramme());
        filled.put(CertItem.ITEM_10, filling.nonExercise());
        filled.put(CertItem.ITEM_11, filling.adverseEvents(related));
        filled.put(CertItem.ITEM_13, filling.dosage());
        filled.put(CertItem.ITEM_14A, filling.tailored());
        filled.put(CertItem.ITEM_14B, filling.tailoring());
        filled.put(CertItem.ITEM_15, filling.startingLevel());
        filled.put(CertItem.ITEM_16A, filling.fidelityMeasured());
        filled.put(CertItem.ITEM_16B, filling.deliveredAsPlanned());
        List<CertEntry> entries = new ArrayList<>();
        for (CertItem item : CertItem.values()) {
            Filled f = filled.getOrDefault(item, Filled.NOTHING);
            entries.add(new CertEntry(item, f.phrases(), team.get(item.number()), f.sources()));
        }
        return new CertReport(studyId, entries);
    }

    /**
     * Writes the team's text for one item of a study's CERT report (blank clears it). {@code version} is the version
     * read ({@link CertTeamText#version()}), or null for an item without text yet; a change made meanwhile is refused.
     * Documentation for the paper, not clinical data: allowed after the database is locked. Answers the text stored.
     */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public CertTeamText complete(String studyId, String item, String text, @Nullable Long version) {
        analysed.randomised(studyId); // not found for a study of another tenant
        CertItem certItem = CertItem.ofNumber(item).orElseThrow(() -> ValidationException.of("item",
                "cert.item.invalid"));
        String trimmed = text.trim();
        if (trimmed.length() > MAX_TEXT) {
            throw ValidationException.of("text", "cert.text.too-long", MAX_TEXT);
        }
        String by = CurrentUser.require().username();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as the store keeps it
        Optional<CertText> stored = texts.find(studyId, certItem.number());
        CertText result;
        if (stored.isEmpty()) {
            if (version != null) {
                throw ValidationException.of("text", "cert.changed-meanwhile");
            }
            try {
                result = texts.insert(new CertText(studyId, certItem.number(), trimmed, by, now));
            } catch (DuplicateKeyException meanwhile) {
                throw ValidationException.of("text", "cert.changed-meanwhile");
            }
            audit.record("cert.team-text-written", ENTITY, result.requireId(), null, Map.of("studyId", studyId,
                    "item", certItem.number(), "text", trimmed), null);
        } else {
            CertText before = stored.get();
            if (version == null || !texts.rewrite(before, version, trimmed, by, now)) {
                throw ValidationException.of("text", "cert.changed-meanwhile");
            }
            audit.record("cert.team-text-written", ENTITY, before.requireId(), Map.of("studyId", studyId, "item",
                    certItem.number(), "text", before.getText()), Map.of("studyId", studyId, "item",
                            certItem.number(), "text", trimmed), null);
            result = texts.find(studyId, certItem.number()).orElseThrow();
        }
        return result.toTeamText();
    }

    /** What the data gives for one item: its sentences and the records behind their figures. */
    private record Filled(List<Phrase> phrases, List<FigureSource> sources) {

        static final Filled NOTHING = new Filled(List.of(), List.of());
    }

    /** Fills the items from one study's manual and programmes. */
    private final class Filling {

        private final Map<String, AnalysedParticipant> people;
        private final @Nullable ExerciseManual manual;
        private final List<DeliveredProgramme> programmes;

        Filling(Map<String, AnalysedParticipant> people, @Nullable ExerciseManual manual,
                List<DeliveredProgramme> programmes) {
            this.people = people;
            this.manual = manual;
            this.programmes = programmes;
        }

        private FigureSource source(String figure, DeliveredProgramme programme, String record, Object value) {
            AnalysedParticipant p = Objects.requireNonNull(people.get(programme.participantId()));
            return new FigureSource(figure, p.label(), p.armCode(), record, String.valueOf(value));
        }

        private FigureSource manualSource(String figure, String record, Object value) {
            return new FigureSource(figure, "", "", record, String.valueOf(value));
        }

        private String manualRecord() {
            return manual == null ? "" : "Exercise manual edition " + manual.getEdition();
        }

        private LocalDate until(DeliveredProgramme programme) {
            AnalysedParticipant p = Objects.requireNonNull(people.get(programme.participantId()));
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(p.timeZone())));
            return p.leftOn() != null && p.leftOn().isBefore(today) ? p.leftOn() : today;
        }

        Filled materials() {
            if (manual == null) {
                return Filled.NOTHING;
            }
            return new Filled(List.of(Phrase.of("cert.data.manual", manual.getEdition(), manual.getExercises().size())),
                    List.of(manualSource("CERT 1: exercises in the manual", manualRecord(),
                            manual.getExercises().size())));
        }

        Filled providers() {
            if (programmes.isEmpty()) {
                return Filled.NOTHING;
            }
            List<FigureSource> sources = new ArrayList<>();
            for (DeliveredProgramme programme : programmes) {
                for (ProgrammeChange change : programme.changes()) {
                    sources.add(source("CERT 2: therapists", programme, change(change), change.by()));
                }
            }
            long therapists = programmes.stream().flatMap(p -> p.changes().stream()).map(ProgrammeChange::by)
                    .distinct().count();
            return new Filled(List.of(Phrase.of("cert.data.providers", therapists, programmes.size())), sources);
        }

        Filled individual() {
            if (programmes.isEmpty()) {
                return Filled.NOTHING;
            }
            return new Filled(List.of(Phrase.of("cert.data.individual", programmes.size())), programmes.stream()
                    .map(p -> source("CERT 3: individual programmes", p, programme(p), p.template())).toList());
        }

        Filled unsupervised() {
            if (programmes.isEmpty()) {
                return Filled.NOTHING;
            }
            double days = programmes.stream().mapToInt(p -> p.weekdays().size()).average().orElse(0);
            return new Filled(List.of(Phrase.of("cert.data.unsupervised", decimal(days))), programmes.stream()
                    .map(p -> source("CERT 4: days a week", p, programme(p), p.weekdays().size())).toList());
        }

        Filled adherenceMeasured() {
            if (programmes.isEmpty()) {
                return Filled.NOTHING;
            }
            List<FigureSource> sources = new ArrayList<>();
            programmes.forEach(p -> {
                sources.add(source("CERT 5: sessions logged", p, "Session logs", p.sessions()));
                sources.add(source("CERT 5: weekly check-ins", p, "Weekly check-ins", p.checkIns()));
            });
            return new Filled(List.of(Phrase.of("cert.data.adherence-measured", sessions(),
                    programmes.stream().filter(p -> p.sessions() > 0).count(), checkIns())), sources);
        }

        Filled motivation() {
            if (programmes.isEmpty()) {
                return Filled.NOTHING;
            }
            return new Filled(List.of(Phrase.of("cert.data.motivation", checkIns())), programmes.stream()
                    .map(p -> source("CERT 6: weekly check-ins", p, "Weekly check-ins", p.checkIns())).toList());
        }

        Filled progressionRules() {
            if (manual == null) {
                return Filled.NOTHING;
            }
            List<ManualExercise> exercises = manual.getExercises();
            List<ManualExercise> withSteps = exercises.stream().filter(e -> !e.progression().isEmpty()).toList();
            return new Filled(List.of(Phrase.of("cert.data.progression-rules", withSteps.size(), exercises.size(),
                    ProgrammeItem.MAX_LEVEL)), exercises.stream().map(e -> manualSource(
                            "CERT 7a: exercises with progression steps", manualRecord() + ", " + e.code(),
                            e.progression().size())).toList());
        }

        Filled progressed() {
            if (programmes.isEmpty()) {
                return Filled.NOTHING;
            }
            List<FigureSource> sources = new ArrayList<>();
            int adjustments = 0;
            int raised = 0;
            for (DeliveredProgramme programme : programmes) {
                int level = 1;
                Map<String, Integer> levels = new HashMap<>();
                for (ProgrammeChange change : programme.adjustments()) {
                    adjustments++;
                    int before = levels.getOrDefault(change.code(), level);
                    int after = change.level() == null ? before : change.level();
                    if (after > before) {
                        raised++;
                    }
                    levels.put(change.code(), after);
                    sources.add(source("CERT 7b: adjustments", programme, change(change), "level " + before + " -> "
                            + after));
                }
            }
            long adjusted = programmes.stream().filter(p -> !p.adjustments().isEmpty()).count();
            return new Filled(List.of(Phrase.of("cert.data.progressed", adjustments, adjusted, programmes.size(),
                    raised)), sources);
        }

        Filled exercises() {
            if (manual == null) {
                return Filled.NOTHING;
            }
            List<Phrase> phrases = new ArrayList<>();
            phrases.add(Phrase.of("cert.data.exercises", manual.getExercises().size()));
            manual.getExercises().forEach(e -> phrases.add(Phrase.of("cert.data.exercise", e.title(), e.dosage())));
            return new Filled(phrases, manual.getExercises().stream().map(e -> manualSource("CERT 8: exercises",
                    manualRecord() + ", " + e.code(), e.title().en())).toList());
        }

        Filled homeProgramme() {
            if (manual == null || manual.getTemplates().isEmpty()) {
                return Filled.NOTHING;
            }
            List<Phrase> phrases = new ArrayList<>();
            List<FigureSource> sources = new ArrayList<>();
            for (ProgrammeTemplate template : manual.getTemplates()) {
                List<DeliveredProgramme> from = programmes.stream()
                        .filter(p -> p.template().equals(template.code())).toList();
                phrases.add(Phrase.of("cert.data.template", template.name(), template.exercises().size(),
                        template.sessionsPerWeek(), from.size()));
                from.forEach(p -> sources.add(source("CERT 9: programmes from " + template.code(), p, programme(p),
                        p.template())));
            }
            return new Filled(phrases, sources);
        }

        Filled nonExercise() {
            if (manual == null) {
                return Filled.NOTHING;
            }
            return new Filled(List.of(Phrase.of("cert.data.guidance", manual.getGuidance().size())),
                    List.of(manualSource("CERT 10: guidance pages", manualRecord(), manual.getGuidance().size())));
        }

        Filled adverseEvents(List<AdverseEventRecord> related) {
            long exerciseArm = people.values().stream().filter(p -> p.armKind() == ArmKind.INTERVENTION).count();
            if (exerciseArm == 0) {
                return Filled.NOTHING;
            }
            long participants = related.stream().map(AdverseEventRecord::participantId).distinct().count();
            long serious = related.stream().filter(AdverseEventRecord::serious).count();
            List<FigureSource> sources = related.stream().map(e -> {
                AnalysedParticipant p = Objects.requireNonNull(people.get(e.participantId()));
                return new FigureSource("CERT 11: adverse events related to the programme", p.label(), p.armCode(),
                        "Adverse event (" + e.report().onset() + ")", Objects.requireNonNull(e.report().relatedness())
                                .name().toLowerCase(Locale.ROOT) + (e.serious() ? ", serious" : ""));
            }).toList();
            return new Filled(List.of(Phrase.of("cert.data.adverse-events", related.size(), participants,
                    exerciseArm, serious)), sources);
        }

        Filled dosage() {
            if (programmes.isEmpty()) {
                return Filled.NOTHING;
            }
            List<FigureSource> sources = new ArrayList<>();
            double weeks = 0;
            for (DeliveredProgramme p : programmes) {
                LocalDate until = until(p);
                double w = until.isBefore(p.startDate()) ? 0
                        : (ChronoUnit.DAYS.between(p.startDate(), until) + 1) / 7.0;
                weeks += w;
                sources.add(source("CERT 13: weeks followed", p, programme(p) + " to " + until, decimal(w)));
                sources.add(source("CERT 13: minutes logged", p, "Session logs", p.sessionMinutes()));
                sources.add(source("CERT 13: sessions logged", p, "Session logs", p.sessions()));
            }
            int sessions = sessions();
            double minutes = sessions == 0 ? 0
                    : programmes.stream().mapToInt(DeliveredProgramme::sessionMinutes).sum() / (double) sessions;
            double days = programmes.stream().mapToInt(p -> p.weekdays().size()).average().orElse(0);
            return new Filled(List.of(Phrase.of("cert.data.dosage", programmes.size(), decimal(days),
                    decimal(weeks / programmes.size()), decimal(minutes))), sources);
        }

        Filled tailored() {
            if (programmes.isEmpty()) {
                return Filled.NOTHING;
            }
            List<FigureSource> sources = new ArrayList<>();
            int differ = 0;
            for (DeliveredProgramme p : programmes) {
                boolean differs = differsFromTemplate(p);
                if (differs) {
                    differ++;
                }
                sources.add(source("CERT 14a: programmes differing from their template", p, programme(p),
                        differs ? "differs" : "as template"));
            }
            return new Filled(List.of(Phrase.of("cert.data.tailored", differ, programmes.size())), sources);
        }

        /** Whether an exercise of the programme left the level (1) or the manual's dosage it was prescribed with. */
        private boolean differsFromTemplate(DeliveredProgramme programme) {
            for (ProgrammeItem item : programme.items()) {
                Optional<ManualExercise> exercise = manual == null ? Optional.empty() : manual.exercise(item
                        .exercise());
                if (item.level() != 1 || exercise.map(e -> !e.dosage().equals(item.dosage())).orElse(false)) {
                    return true;
                }
            }
            return false;
        }

        Filled tailoring() {
            if (programmes.isEmpty()) {
                return Filled.NOTHING;
            }
            Map<String, Integer> reasons = new LinkedHashMap<>();
            List<FigureSource> sources = new ArrayList<>();
            int adjustments = 0;
            for (DeliveredProgramme p : programmes) {
                for (ProgrammeChange change : p.adjustments()) {
                    adjustments++;
                    reasons.merge(change.reason(), 1, Integer::sum);
                    sources.add(source("CERT 14b: reasons for adjustments", p, change(change), change.reason()));
                }
            }
            List<Phrase> phrases = new ArrayList<>();
            phrases.add(Phrase.of("cert.data.tailoring", adjustments));
            reasons.forEach((reason, count) -> phrases.add(Phrase.of("cert.data.reason", reason, count)));
            return new Filled(phrases, sources);
        }

        Filled startingLevel() {
            if (programmes.isEmpty()) {
                return Filled.NOTHING;
            }
            return new Filled(List.of(Phrase.of("cert.data.starting-level", programmes.size())), programmes.stream()
                    .map(p -> source("CERT 15: programmes prescribed at level 1", p, programme(p), p.template()))
                    .toList());
        }

        Filled fidelityMeasured() {
            if (programmes.isEmpty()) {
                return Filled.NOTHING;
            }
            List<FigureSource> sources = new ArrayList<>();
            programmes.forEach(p -> {
                sources.add(source("CERT 16a: videos watched", p, "Video watches", p.videosWatched()));
                sources.add(source("CERT 16a: videos watched to the end", p, "Video watches",
                        p.videosSeenThrough()));
            });
            return new Filled(List.of(Phrase.of("cert.data.fidelity-measured",
                    programmes.stream().filter(p -> p.videosWatched() > 0).count(), programmes.size(),
                    programmes.stream().mapToInt(DeliveredProgramme::videosSeenThrough).sum(), checkIns())), sources);
        }

        Filled deliveredAsPlanned() {
            if (programmes.isEmpty()) {
                return Filled.NOTHING;
            }
            List<FigureSource> sources = new ArrayList<>();
            int planned = 0;
            int done = 0;
            for (DeliveredProgramme p : programmes) {
                LocalDate until = until(p);
                List<LocalDate> plannedDays = p.plannedDays(until);
                long doneDays = p.sessionDays().stream().filter(plannedDays::contains).count();
                planned += plannedDays.size();
                done += (int) doneDays;
                sources.add(source("CERT 16b: planned programme days", p, programme(p) + " to " + until,
                        plannedDays.size()));
                sources.add(source("CERT 16b: planned days with a session", p, "Session logs", doneDays));
            }
            String percent = planned == 0 ? "0" : String.format(Locale.ROOT, "%.0f", 100.0 * done / planned);
            return new Filled(List.of(Phrase.of("cert.data.delivered", done, planned, percent)), sources);
        }

        private int sessions() {
            return programmes.stream().mapToInt(DeliveredProgramme::sessions).sum();
        }

        private int checkIns() {
            return programmes.stream().mapToInt(DeliveredProgramme::checkIns).sum();
        }

        private static String programme(DeliveredProgramme p) {
            return "Programme " + p.template() + " from " + p.startDate();
        }

        private static String change(ProgrammeChange change) {
            return "Programme " + change.action().name().toLowerCase(Locale.ROOT) + " " + change.code() + " ("
                    + LocalDate.ofInstant(change.at(), ZoneId.of("UTC")) + ")";
        }
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
