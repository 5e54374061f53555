package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalDataChanged;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The one question every clinical write asks first, answered by a form's, a participant's and the study's lock. */
@RecordApplicationEvents
class RecordLocksTests extends PortalTest {

    private static final Map<String, String> STIFFNESS = Map.of("stiffness", "4", "morning_minutes", "20");

    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;
    @Autowired
    FormLocks locks;
    @Autowired
    StudyLives lives;
    @Autowired
    ApplicationEvents events;

    @Test
    void aWriteNamesTheItemsItChangedAndALockedFormOrStudyRefusesIt() {
        signIn("lakeside.assessor");
        String study = studies.studies().getFirst().id();
        DueAssessment due = assessments.worklist(study).stream().filter(d -> d.timepoint().equals("week_8"))
                .filter(d -> assessments.find(d.participantId(), "week_8", "stiffness").isEmpty()).findFirst()
                .orElseThrow();
        ClinicalForm form = ClinicalForm.instrument(study, due.participantId(), "week_8", "stiffness");

        FormLock lock = locks.add(new FormLock(study, due.participantId(), form.key(), "lakeside.monitor", "Monitor",
                Instant.now()));
        assertThatThrownBy(() -> assessments.record(due.participantId(), "week_8", "stiffness", LocalDate.now(),
                STIFFNESS, null)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e
                        .fieldMessageKeys()).containsEntry("record", "record.locked"));
        locks.remove(lock);

        assessments.record(due.participantId(), "week_8", "stiffness", LocalDate.now(), STIFFNESS, null);
        assertThat(events.stream(ClinicalDataChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.form()).isEqualTo(form);
            assertThat(e.form().kind()).isEqualTo(FormKind.INSTRUMENT);
            assertThat(e.items()).containsExactlyInAnyOrder("stiffness", "morning_minutes", "assessedOn");
        });
        events.clear();
        assessments.record(due.participantId(), "week_8", "stiffness", LocalDate.now(), Map.of("stiffness", "5",
                "morning_minutes", "20"), "Transcription error");
        assertThat(events.stream(ClinicalDataChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.items()).containsExactly("stiffness");
            assertThat(e.reason()).isEqualTo("Transcription error");
        });

        lives.move(study, StudyStage.LOCKED, Instant.now(), "test", "Database lock");
        try {
            assertThatThrownBy(() -> assessments.record(due.participantId(), "week_8", "stiffness", LocalDate.now(),
                    STIFFNESS, "Again")).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e
                            .fieldMessageKeys()).containsEntry("record", "study.locked"));
        } finally {
            lives.move(study, StudyStage.RECRUITING, Instant.now(), "test", "Unlocked for the next test");
        }
    }
}
