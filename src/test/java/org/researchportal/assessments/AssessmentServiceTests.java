package org.researchportal.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The blinded assessor's schedule and entry: validated, scored, changed only with a reason, never an arm. */
class AssessmentServiceTests extends PortalTest {

    private static final Map<String, String> STIFFNESS = Map.of("stiffness", "4", "morning_minutes", "20");

    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;
    @Autowired
    AuditTrail audit;

    private String study() {
        return studies.studies().getFirst().id();
    }

    /** A participant whose week-8 stiffness and BPI are both still to be entered, whatever other tests did. */
    private DueAssessment lakesideWeek8() {
        signIn("lakeside.assessor");
        return assessments.worklist(study()).stream().filter(d -> d.timepoint().equals("week_8"))
                .filter(d -> assessments.find(d.participantId(), "week_8", "stiffness").isEmpty()
                        && assessments.find(d.participantId(), "week_8", "bpi_sf").isEmpty())
                .findFirst().orElseThrow();
    }

    @Test
    void theWorklistCoversEveryEnrolledParticipantsTimepointsClosedWindowsFirst() {
        signIn("fudan.assessor");
        List<DueAssessment> worklist = assessments.worklist(study());
        // Eight randomised participants with three timepoints each, but for the one the demo has withdrawn before
        // week 12: nothing falls due after a participant left.
        assertThat(worklist).hasSize(8 * 3 - 1);
        assertThat(worklist).extracting(DueAssessment::displayName).doesNotContain("Alex Sample", "Zhou Madeup");
        assertThat(worklist.getFirst().state()).isEqualTo(DueAssessment.State.WINDOW_CLOSED);
        assertThat(worklist).filteredOn(d -> d.state() == DueAssessment.State.DONE).hasSizeGreaterThanOrEqualTo(3);
        assertThat(worklist).filteredOn(d -> d.timepoint().equals("week_6")).allSatisfy(d -> {
            assertThat(d.windowOpens()).isEqualTo(d.dueOn().minusDays(7));
            assertThat(d.windowCloses()).isEqualTo(d.dueOn().plusDays(7));
        });
    }

    @Test
    void nothingAnAssessorReceivesCanCarryAnArm() {
        for (Class<?> type : List.of(DueAssessment.class, AssessmentRecord.class, MissedVisitRecord.class,
                org.researchportal.participants.BlindedParticipantRow.class)) {
            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .noneMatch(name -> name.toLowerCase().contains("arm"));
        }
    }

    @Test
    void anEntryIsValidatedScoredAndChangedOnlyWithAReason() {
        DueAssessment due = lakesideWeek8();
        assertThatThrownBy(() -> assessments.record(due.participantId(), "week_8", "stiffness", LocalDate.now(),
                Map.of("stiffness", "12", "morning_minutes", "20"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("item.stiffness", "assessment.item.out-of-range"));
        AssessmentRecord first = assessments.record(due.participantId(), "week_8", "stiffness", LocalDate.now(),
                STIFFNESS, null);
        assertThat(first.answers()).isEqualTo(STIFFNESS);

        assertThatThrownBy(() -> assessments.record(due.participantId(), "week_8", "stiffness", LocalDate.now(),
                Map.of("stiffness", "5", "morning_minutes", "20"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsKey("reason"));
        assessments.record(due.participantId(), "week_8", "stiffness", LocalDate.now(),
                Map.of("stiffness", "5", "morning_minutes", "20"), "Transcription error: 5, not 4");

        signIn("lakeside.clinician");
        List<AuditEvent> trail = audit.history("Assessment", first.id());
        assertThat(trail).extracting(AuditEvent::getAction).containsExactly("assessment.changed",
                "assessment.recorded");
        assertThat(trail.getFirst().getReason()).isEqualTo("Transcription error: 5, not 4");
        assertThat(String.valueOf(trail.getFirst().getBefore())).contains("stiffness=4");
        assertThat(String.valueOf(trail.getFirst().getAfter())).contains("stiffness=5");
    }

    @Test
    void bpiScoresAreStoredWithTheAnswers() {
        DueAssessment due = lakesideWeek8();
        AssessmentRecord bpi = assessments.record(due.participantId(), "week_8", "bpi_sf", LocalDate.now(),
                Map.of("worst", "8", "least", "2", "average", "5", "now", "5"), null);
        assertThat(bpi.scores()).containsEntry("pain_severity", 5.0).doesNotContainKey("pain_interference");
    }

    @Test
    void refusedForTheWrongRoleTenantTimepointOrDate() {
        DueAssessment due = lakesideWeek8();
        assertThatThrownBy(() -> assessments.record(due.participantId(), "week_8", "grip", LocalDate.now(),
                Map.of("right_1", "20"), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> assessments.record(due.participantId(), "week_8", "stiffness",
                LocalDate.now().plusDays(2), STIFFNESS, null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsKey("assessedOn"));
        signIn("lakeside.clinician");
        assertThatThrownBy(() -> assessments.record(due.participantId(), "week_8", "stiffness", LocalDate.now(),
                STIFFNESS, null)).isInstanceOf(AccessDeniedException.class);
        signIn("fudan.assessor");
        assertThatThrownBy(() -> assessments.record(due.participantId(), "week_8", "stiffness", LocalDate.now(),
                STIFFNESS, null)).isInstanceOf(NotFoundException.class);
    }
}
