package org.researchportal.exercise;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The participant's weekly check-in: joint pain and stiffness over the week (0-10) and whether they still take the
 * aromatase inhibitor. One per participant and week, the week starting on Monday in the participant's time zone.
 */
@Document("weekly_check_ins")
@CompoundIndex(name = "tenant_participant_week", def = "{'tenantId': 1, 'participantId': 1, 'weekStart': -1}",
        unique = true)
class WeeklyCheckIn extends TenantOwnedDocument {

    private String participantId;
    private String studyId;
    private LocalDate weekStart;
    private int jointPain;
    private int stiffness;
    private boolean takingAromataseInhibitor;
    private @Nullable String note;
    private Instant answeredAt;

    WeeklyCheckIn(String participantId, String studyId, LocalDate weekStart, int jointPain, int stiffness,
            boolean takingAromataseInhibitor, @Nullable String note, Instant answeredAt) {
        this.participantId = participantId;
        this.studyId = studyId;
        this.weekStart = weekStart;
        this.jointPain = jointPain;
        this.stiffness = stiffness;
        this.takingAromataseInhibitor = takingAromataseInhibitor;
        this.note = note;
        this.answeredAt = answeredAt;
    }

    CheckInRecord toRecord() {
        return new CheckInRecord(requireId(), weekStart, jointPain, stiffness, takingAromataseInhibitor, note,
                answeredAt);
    }

    String getParticipantId() {
        return participantId;
    }

    LocalDate getWeekStart() {
        return weekStart;
    }
}
