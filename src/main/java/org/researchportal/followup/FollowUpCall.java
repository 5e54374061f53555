package org.researchportal.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One planned telephone follow-up of a participant: the n-th of their arm's plan, due on a day of their calendar
 * with a window around it. Its attempts are kept; the answers of the completed call are its record.
 */
@Document("followup_calls")
@CompoundIndexes({
        @CompoundIndex(name = "tenant_participant_number", def = "{'tenantId': 1, 'participantId': 1, 'number': 1}",
                unique = true),
        @CompoundIndex(name = "tenant_status_due", def = "{'tenantId': 1, 'status': 1, 'dueOn': 1}"),
        @CompoundIndex(name = "tenant_study_status_due", def = "{'tenantId': 1, 'studyId': 1, 'status': 1, 'dueOn': 1}")
})
public class FollowUpCall extends TenantOwnedDocument {

    private String participantId;
    private String studyId;
    private String armCode;
    private int number;
    private LocalDate dueOn;
    private LocalDate windowFrom;
    private LocalDate windowTo;
    private CallStatus status = CallStatus.OPEN;
    private List<CallAttempt> attempts = new ArrayList<>();
    /** When the next attempt should be made: after an unanswered one, or the time the participant asked for. */
    private @Nullable Instant nextTryAfter;
    private @Nullable CallAnswers answers;
    private @Nullable Instant closedAt;
    private @Nullable String closedReason;
    private Instant plannedAt;

    FollowUpCall(String participantId, String studyId, String armCode, int number, LocalDate dueOn,
            LocalDate windowFrom, LocalDate windowTo, Instant plannedAt) {
        this.participantId = participantId;
        this.studyId = studyId;
        this.armCode = armCode;
        this.number = number;
        this.dueOn = dueOn;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.plannedAt = plannedAt;
    }

    public String getParticipantId() {
        return participantId;
    }

    public String getStudyId() {
        return studyId;
    }

    public String getArmCode() {
        return armCode;
    }

    public int getNumber() {
        return number;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public LocalDate getWindowFrom() {
        return windowFrom;
    }

    public LocalDate getWindowTo() {
        return windowTo;
    }

    public CallStatus getStatus() {
        return status;
    }

    public List<CallAttempt> getAttempts() {
        return List.copyOf(attempts);
    }

    public @Nullable Instant getNextTryAfter() {
        return nextTryAfter;
    }

    public @Nullable CallAnswers getAnswers() {
        return answers;
    }

    public @Nullable Instant getClosedAt() {
        return closedAt;
    }

    public @Nullable String getClosedReason() {
        return closedReason;
    }

    /** The attempts that count towards the limit (no answer, voicemail). */
    public long countedAttempts() {
        return attempts.stream().filter(a -> a.outcome().counts()).count();
    }
}
