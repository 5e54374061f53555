package org.researchportal.followup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.researchportal.assessments.DueQuestionnaire;
import org.researchportal.assessments.Questionnaires;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.PeopleNames;
import org.researchportal.participants.CallParticipant;
import org.researchportal.participants.CallParticipants;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The questionnaires participants missed (a timepoint's window closed unanswered), on the coordinators' call worklist
 * until one of them has dealt with it (called her, noted why) or an assessor has entered the answers from a paper
 * form. Computed from the questionnaires' windows each time; only the handling is stored.
 */
@Service
public class MissedQuestionnaires {

    static final int NOTE_MAX_LENGTH = 1000;

    private final Questionnaires questionnaires;
    private final CallParticipants participants;
    private final StudyService studies;
    private final MissedQuestionnaireRecords records;
    private final AccountService accounts;
    private final ClinicalRecordLocks locks;
    private final AuditTrail audit;
    private final Clock clock;

    MissedQuestionnaires(Questionnaires questionnaires, CallParticipants participants, StudyService studies,
            MissedQuestionnaireRecords records, AccountService accounts, ClinicalRecordLocks locks, AuditTrail audit,
            Clock clock) {
        this.questionnaires = questionnaires;
        this.participants = participants;
        this.studies = studies;
        this.records = records;
        this.accounts = accounts;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The missed questionnaires not yet handled, one row per participant and timepoint, the longest waiting first: of
     * one study or all (a locked study's are over), of participants still in the study. They belong with the open
     * calls: a filter on another urgency shows none. "Mine only" keeps those of the coordinator's own participants
     * and of participants nobody is assigned to, whom every coordinator looks after.
     */
    @Secured(Authorities.COORDINATOR)
    public List<MissedQuestionnaireRow> open(WorklistFilter filter) {
        if (filter.urgency() != null) {
            return List.of();
        }
        List<String> studyIds = filter.studyId() != null ? List.of(filter.studyId())
                : studies.studies().stream().map(StudySummary::id).toList();
        Map<String, CallParticipant> byId = participants.callParticipants().stream()
                .filter(p -> p.status() == ParticipantStatus.ENROLLED)
                .collect(Collectors.toMap(CallParticipant::id, Function.identity()));
        Set<String> handled = new HashSet<>();
        records.handled(filter.studyId()).forEach(h -> handled.add(key(h.getParticipantId(), h.getTimepoint())));
        Map<String, List<DueQuestionnaire>> missed = new LinkedHashMap<>();
        for (String studyId : studyIds) {
            if (locks.studyLocked(studyId)) {
                continue;
            }
            for (DueQuestionnaire q : questionnaires.ofStudy(studyId)) {
                String key = key(q.participantId(), q.timepoint());
                if (q.state() == DueQuestionnaire.State.MISSED && byId.containsKey(q.participantId())
                        && !handled.contains(key)) {
                    missed.computeIfAbsent(key, k -> new ArrayList<>()).add(q);
                }
            }
        }
        PeopleNames names = accounts.names(byId.values().stream().map(CallParticipant::coordinatorId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        String me = CurrentUser.require().accountId();
        List<MissedQuestionnaireRow> rows = new ArrayList<>();
        for (List<DueQuestionnaire> timepoint : missed.values()) {
            DueQuestionnaire first = timepoint.getFirst();
            CallParticipant p = byId.get(first.participantId());
            boolean mine = me != null && me.equals(p.coordinatorId());
            if (filter.mineOnly() && !mine && p.coordinatorId() != null) {
                continue;
            }
            rows.add(new MissedQuestionnaireRow(p, first.timepoint(), first.timepointLabel(),
                    first.timepointLabelZh(), timepoint.size(), first.closesOn(), names.name(p.coordinatorId()),
                    mine));
        }
        rows.sort(Comparator.comparing(MissedQuestionnaireRow::closedOn));
        return rows;
    }

    /**
     * Marks a participant's missed questionnaires of a timepoint handled, with what the coordinator did; audited. It
     * leaves the worklist. A participant of another tenant, or a timepoint she did not miss, is not found.
     */
    @Secured(Authorities.COORDINATOR)
    public void handle(String participantId, String timepoint, String note) {
        CallParticipant participant = participants.callParticipant(participantId)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
        locks.requireStudyOpen(participant.studyId());
        if (Inputs.isBlankOrLonger(note, NOTE_MAX_LENGTH)) {
            throw ValidationException.of("note", "questionnaire-missed.note.required");
        }
        boolean missed = questionnaires.ofParticipant(participantId).stream().anyMatch(q -> q.timepoint()
                .equals(timepoint) && q.state() == DueQuestionnaire.State.MISSED);
        if (!missed) {
            throw new NotFoundException("MissedQuestionnaire", participantId + "/" + timepoint);
        }
        var handled = new MissedQuestionnaireHandled(participantId, participant.studyId(), timepoint,
                clock.instant(), CurrentUser.require().username(), note.trim());
        if (!records.markHandled(handled)) {
            throw ValidationException.of("note", "questionnaire-missed.handled-already");
        }
        audit.record("questionnaire-missed.handled", "MissedQuestionnaire", handled.requireId(), null,
                Map.of("participantId", participantId, "timepoint", timepoint, "note", note.trim()), null);
    }

    private static String key(String participantId, String timepoint) {
        return participantId + "/" + timepoint;
    }
}
