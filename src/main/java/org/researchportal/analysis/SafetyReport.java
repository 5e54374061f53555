package org.researchportal.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.researchportal.assessments.AdverseEventRecord;
import org.researchportal.assessments.AdverseEventReport.Outcome;
import org.researchportal.assessments.AdverseEventReport.Relatedness;
import org.researchportal.participants.AnalysedParticipant;

/**
 * The safety report by arm for a data monitoring committee, as of a report day. Everyone ever randomised counts in
 * their arm (intention to treat). A participant's exposure is the days from randomisation to the day they left, or to
 * the report day, both days counted. An adverse event counts when its participant was randomised and it began within
 * their exposure, from the day of randomisation to its last day (events of the screening period, or after leaving,
 * are not the arm's: they would count without the days they happened in). Each row counts the events of a
 * kind, the participants with at least one (for the grades: the participants by their worst grade) and the rate per
 * 1,000 participant-days with its exact Poisson 95% interval ({@link PoissonInterval}).
 *
 * @param arms the study's arms in its order, with who was randomised to each and their exposure
 * @param rows the figures, one row per kind of event, a cell per arm in the arms' order
 * @param events the events counted, by onset, then participant
 * @param exposures each randomised participant's exposure, by study number
 */
public record SafetyReport(LocalDate reportDay, List<ArmExposure> arms, List<Row> rows, List<CountedEvent> events,
        List<Exposure> exposures) {

    /** The rate's unit: events per this many participant-days. */
    public static final int PER_DAYS = 1000;

    /** An arm with the participants randomised to it and the participant-days they were followed. */
    public record ArmExposure(String armCode, int randomised, long participantDays) {}

    /** A participant's days in the trial: from randomisation to leaving or the report day, both counted. */
    public record Exposure(String participant, String armCode, LocalDate from, LocalDate to, boolean left,
            long days) {}

    /** An adverse event as the report counts it, with its participant's study number and arm. */
    public record CountedEvent(String id, String participant, String armCode, LocalDate onset, int grade,
            boolean serious, Relatedness relatedness, Outcome outcome) {

        /** Possibly, probably or definitely related to the programme. */
        public boolean related() {
            return relatedness == Relatedness.POSSIBLE || relatedness == Relatedness.PROBABLE
                    || relatedness == Relatedness.DEFINITE;
        }
    }

    /**
     * One kind of event: its key ("any", "grade-3", "serious", "relatedness-possible", "related"...) and a cell per
     * arm.
     */
    public record Row(String key, List<Cell> cells) {

        /** Whether the participants here are counted by their worst grade (the grade rows). */
        public boolean byWorstGrade() {
            return key.startsWith("grade-");
        }
    }

    /**
     * One arm's figures for a kind of event: the events, the participants with at least one (by worst grade on the
     * grade rows), and the rate per 1,000 participant-days with its exact 95% interval (NaN when nobody was exposed).
     */
    public record Cell(int events, int participants, double rate, PoissonInterval interval) {}

    /** The serious adverse events one by one, for the committee: by onset, then participant. */
    public List<CountedEvent> serious() {
        return events.stream().filter(CountedEvent::serious).toList();
    }

    /** The row of a key. */
    public Row row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(key));
    }

    /**
     * Computes the report of the arms given (their codes in the study's order) over the randomised participants and
     * the study's adverse events, as of the report day.
     */
    public static SafetyReport of(List<String> armCodes, List<AnalysedParticipant> randomised,
            List<AdverseEventRecord> adverseEvents, LocalDate reportDay) {
        Map<String, AnalysedParticipant> byId = new HashMap<>();
        Map<String, LocalDate> lastDays = new HashMap<>();
        List<Exposure> exposures = new ArrayList<>();
        for (AnalysedParticipant p : randomised) {
            if (!armCodes.contains(p.armCode()) || p.randomisedOn().isAfter(reportDay)) {
                continue;
            }
            byId.put(p.id(), p);
            boolean left = p.leftOn() != null && !p.leftOn().isAfter(reportDay);
            LocalDate to = left ? p.leftOn() : reportDay;
            long days = Math.max(0, ChronoUnit.DAYS.between(p.randomisedOn(), to) + 1);
            lastDays.put(p.id(), to);
            exposures.add(new Exposure(p.label(), p.armCode(), p.randomisedOn(), to, left, days));
        }
        exposures.sort(Comparator.comparing(Exposure::participant));
        List<CountedEvent> events = new ArrayList<>();
        for (AdverseEventRecord e : adverseEvents) {
            AnalysedParticipant p = byId.get(e.participantId());
            var report = e.report();
            if (p == null || report.onset() == null || report.grade() == null || report.relatedness() == null
                    || report.onset().isBefore(p.randomisedOn()) || report.onset().isAfter(lastDays.getOrDefault(p.id(),
                            reportDay))) {
                continue;
            }
            events.add(new CountedEvent(e.id(), p.label(), p.armCode(), report.onset(), report.grade(), e.serious(),
                    report.relatedness(), report.outcome()));
        }
        events.sort(Comparator.comparing(CountedEvent::onset).thenComparing(CountedEvent::participant));

        List<ArmExposure> arms = armCodes.stream().map(code -> new ArmExposure(code, (int) exposures.stream()
                .filter(x -> x.armCode().equals(code)).count(), exposures.stream().filter(x -> x.armCode()
                        .equals(code)).mapToLong(Exposure::days).sum())).toList();
        Map<String, Integer> worstGrade = new HashMap<>();
        events.forEach(e -> worstGrade.merge(e.participant(), e.grade(), Math::max));

        Map<String, Predicate<CountedEvent>> kinds = new LinkedHashMap<>();
        kinds.put("any", e -> true);
        for (int grade = 1; grade <= 5; grade++) {
            int g = grade;
            kinds.put("grade-" + g, e -> e.grade() == g);
        }
        kinds.put("serious", CountedEvent::serious);
        kinds.put("not-serious", e -> !e.serious());
        for (Relatedness level : Relatedness.values()) {
            kinds.put("relatedness-" + level.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    e -> e.relatedness() == level);
        }
        kinds.put("related", CountedEvent::related);

        List<Row> rows = new ArrayList<>();
        kinds.forEach((key, kind) -> {
            List<Cell> cells = new ArrayList<>();
            for (ArmExposure arm : arms) {
                List<CountedEvent> ofArm = events.stream().filter(e -> e.armCode().equals(arm.armCode()))
                        .filter(kind).toList();
                int participants = key.startsWith("grade-")
                        ? (int) ofArm.stream().map(CountedEvent::participant).distinct()
                                .filter(p -> worstGrade.get(p) == Integer.parseInt(key.substring(6))).count()
                        : (int) ofArm.stream().map(CountedEvent::participant).distinct().count();
                cells.add(cell(ofArm.size(), participants, arm.participantDays()));
            }
            rows.add(new Row(key, List.copyOf(cells)));
        });
        return new SafetyReport(reportDay, arms, List.copyOf(rows), List.copyOf(events), List.copyOf(exposures));
    }

    private static Cell cell(int events, int participants, long days) {
        if (days == 0) {
            return new Cell(events, participants, Double.NaN, new PoissonInterval(Double.NaN, Double.NaN));
        }
        double perDays = (double) PER_DAYS / days;
        return new Cell(events, participants, events * perDays, PoissonInterval.exact95(events).times(perDays));
    }
}
