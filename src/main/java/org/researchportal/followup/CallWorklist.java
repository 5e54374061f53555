package org.researchportal.followup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.Csv;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.PeopleNames;
import org.researchportal.participants.CallParticipant;
import org.researchportal.participants.CallParticipants;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The coordinators' view of the calls: the worklist in priority order (overdue first, then participants with an open
 * escalation, then by urgency and due date), one call with its context, the dashboard's figures and the call log.
 * Coordinators run each arm's own script, so they see arms; nobody else reads the worklist.
 */
@Service
public class CallWorklist {

    private final FollowUpCallRecords calls;
    private final FollowUpPlans plans;
    private final CallParticipants participants;
    private final Escalations escalations;
    private final EscalationRecords escalationRecords;
    private final AccountService accounts;
    private final Clock clock;

    CallWorklist(FollowUpCallRecords calls, FollowUpPlans plans, CallParticipants participants,
            Escalations escalations, EscalationRecords escalationRecords, AccountService accounts, Clock clock) {
        this.calls = calls;
        this.plans = plans;
        this.participants = participants;
        this.escalations = escalations;
        this.escalationRecords = escalationRecords;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Secured(Authorities.COORDINATOR)
    public List<CallRow> worklist(WorklistFilter filter) {
        List<FollowUpCall> listed = filter.urgency() == Urgency.CLOSED ? calls.closedByDueDate(filter.studyId())
                : calls.openByDueDate(filter.studyId());
        return rows(listed, participantsById()).stream()
                .filter(r -> filter.urgency() == null || r.urgency() == filter.urgency())
                .filter(r -> !filter.mineOnly() || r.mine())
                .sorted(Comparator.comparingInt(CallWorklist::rank).thenComparing(CallRow::dueOn)).toList();
    }

    /** One call with what the coordinator needs for it; a call of another tenant is not found. */
    @Secured(Authorities.COORDINATOR)
    public CallContext context(String callId) {
        FollowUpCall call = calls.call(callId);
        CallRow row = rows(List.of(call), participants.callParticipant(call.getParticipantId()).stream()
                .collect(Collectors.toMap(CallParticipant::id, Function.identity()))).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("FollowUpCall", callId));
        CallScript script = plans.plan(call.getStudyId(), call.getArmCode()).map(p -> p.getSettings().script())
                .orElseThrow(() -> new NotFoundException("FollowUpPlan", call.getArmCode()));
        List<FollowUpCall> earlier = calls.callsBefore(call);
        return new CallContext(row, call, script, earlier, escalations.openFor(call.getParticipantId()));
    }

    /** A participant's calls, first to last, for their record (clinicians read what the calls found). */
    @Secured({Authorities.CLINICIAN, Authorities.COORDINATOR})
    public List<FollowUpCall> callsOf(String participantId) {
        return calls.callsOf(participantId);
    }

    /**
     * The calls of a page of a study's participants with their answers, for an export: by participant and number.
     * Clinicians only: a call's script (and so its answers) differs by arm.
     */
    @Secured(Authorities.CLINICIAN)
    public List<FollowUpCall> callsOf(String studyId, Collection<String> participantIds) {
        return calls.callsOf(studyId, participantIds);
    }

    /** The dashboard's figures, for one study or all. */
    @Secured(Authorities.COORDINATOR)
    public CallFigures figures(@Nullable String studyId) {
        Map<String, CallParticipant> byId = participantsById();
        long due = 0;
        long completed = 0;
        long overdue = 0;
        long dueToday = 0;
        Map<CallOutcome, Long> byOutcome = new EnumMap<>(CallOutcome.class);
        for (CallOutcome outcome : CallOutcome.values()) {
            byOutcome.put(outcome, 0L);
        }
        for (FollowUpCall call : calls.callsOfStudy(studyId)) {
            CallParticipant participant = byId.get(call.getParticipantId());
            if (participant == null) {
                continue;
            }
            ZoneId zone = ZoneId.of(participant.timeZone());
            LocalDate today = LocalDate.now(clock.withZone(zone));
            YearMonth month = YearMonth.from(today);
            if (YearMonth.from(call.getDueOn()).equals(month) && call.getStatus() != CallStatus.CANCELLED) {
                due++;
                completed += call.getStatus() == CallStatus.COMPLETED ? 1 : 0;
            }
            Urgency urgency = Urgency.of(call, today, zone);
            overdue += urgency == Urgency.OVERDUE ? 1 : 0;
            dueToday += urgency == Urgency.DUE_TODAY ? 1 : 0;
            for (CallAttempt attempt : call.getAttempts()) {
                if (YearMonth.from(attempt.at().atZone(zone)).equals(month)) {
                    byOutcome.merge(attempt.outcome(), 1L, Long::sum);
                }
            }
        }
        long open = studyId == null ? escalationRecords.openCount() : escalations.open(studyId).size();
        return new CallFigures(due, completed, overdue, dueToday, byOutcome, open);
    }

    /**
     * The call log as CSV, one line per attempt (a planned call without attempts gets one line too). Participants
     * appear by study number only: no names, no numbers.
     */
    @Secured(Authorities.COORDINATOR)
    public void exportLog(@Nullable String studyId, Writer out) {
        Map<String, CallParticipant> byId = participantsById();
        try {
            Csv.line(out, List.of("study", "study_number", "arm", "call", "due_on", "window_from", "window_to",
                    "status", "attempt_at", "attempt_by", "outcome", "call_back_at", "taking_ai", "missed_doses",
                    "side_effects", "concerns", "joint_pain", "exercise_sessions", "new_health_problem",
                    "new_health_problem_detail", "topics", "concern_flagged", "concern_detail", "outside_exercise",
                    "outside_exercise_kinds", "outside_exercise_minutes", "notes"));
            for (FollowUpCall call : calls.callLog(studyId)) {
                CallParticipant p = byId.get(call.getParticipantId());
                List<String> callCells = List.of(p == null ? "" : p.studyAcronym(),
                        p == null ? "" : text(p.studyNumber()), p == null ? call.getArmCode() : p.armName(),
                        String.valueOf(call.getNumber()), call.getDueOn().toString(),
                        call.getWindowFrom().toString(), call.getWindowTo().toString(), call.getStatus().name());
                List<CallAttempt> attempts = call.getAttempts().isEmpty() ? java.util.Collections.singletonList(null)
                        : call.getAttempts();
                for (CallAttempt attempt : attempts) {
                    List<String> cells = new ArrayList<>(callCells);
                    cells.add(attempt == null ? "" : attempt.at().toString());
                    cells.add(attempt == null ? "" : attempt.by());
                    cells.add(attempt == null ? "" : attempt.outcome().name());
                    cells.add(attempt == null ? "" : text(attempt.callBackAt()));
                    CallAnswers a = attempt != null && attempt.outcome() == CallOutcome.COMPLETED
                            ? call.getAnswers() : null;
                    cells.addAll(a == null ? java.util.Collections.nCopies(14, "") : List.of(
                            text(a.takingAromataseInhibitor()), text(a.missedDoses()),
                            a.sideEffects().stream().map(Enum::name).sorted().collect(Collectors.joining(";")),
                            text(a.concerns()), text(a.jointPain()), text(a.exerciseSessions()),
                            text(a.newHealthProblem()), text(a.newHealthProblemDetail()),
                            a.topics().stream().map(Enum::name).sorted().collect(Collectors.joining(";")),
                            String.valueOf(a.concernFlagged()), text(a.concernDetail()),
                            text(a.outsideExercise()), a.outsideExerciseKinds().stream().map(Enum::name).sorted()
                                    .collect(Collectors.joining(";")),
                            text(a.outsideExerciseMinutes())));
                    cells.add(attempt == null ? "" : text(attempt.notes()));
                    Csv.line(out, cells);
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of these calls, with the participants they concern (only theirs are looked at). */
    private List<CallRow> rows(List<FollowUpCall> listed, Map<String, CallParticipant> byId) {
        Map<String, Integer> maxAttempts = new HashMap<>();
        Map<String, Long> escalationCounts = escalationRecords.openCountsOf(byId.keySet());
        Set<String> coordinatorIds = new HashSet<>();
        byId.values().stream().map(CallParticipant::coordinatorId).filter(Objects::nonNull)
                .forEach(coordinatorIds::add);
        PeopleNames names = accounts.names(coordinatorIds);
        String me = CurrentUser.require().accountId();
        List<CallRow> rows = new ArrayList<>();
        for (FollowUpCall call : listed) {
            CallParticipant p = byId.get(call.getParticipantId());
            if (p == null) {
                continue;
            }
            ZoneId zone = ZoneId.of(p.timeZone());
            int max = maxAttempts.computeIfAbsent(call.getStudyId() + "/" + call.getArmCode(), key -> plans.plan(
                    call.getStudyId(), call.getArmCode()).map(plan -> plan.getSettings().maxAttempts()).orElse(0));
            CallOutcome last = call.getAttempts().isEmpty() ? null
                    : call.getAttempts().getLast().outcome();
            rows.add(new CallRow(call.requireId(), p, call.getNumber(), call.getDueOn(), call.getWindowFrom(),
                    call.getWindowTo(), call.getStatus(), Urgency.of(call, LocalDate.now(clock.withZone(zone)), zone),
                    call.countedAttempts(), max, last, call.getNextTryAfter(),
                    escalationCounts.getOrDefault(p.id(), 0L).intValue(),
                    names.name(p.coordinatorId()),
                    me != null && me.equals(p.coordinatorId())));
        }
        return rows;
    }

    private Map<String, CallParticipant> participantsById() {
        return participants.callParticipants().stream().collect(Collectors.toMap(CallParticipant::id,
                Function.identity()));
    }

    /** Overdue first, then those with an open escalation, then by urgency. */
    private static int rank(CallRow row) {
        if (row.urgency() == Urgency.OVERDUE) {
            return 0;
        }
        return row.openEscalations() > 0 ? 1 : 2 + row.urgency().ordinal();
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

}
