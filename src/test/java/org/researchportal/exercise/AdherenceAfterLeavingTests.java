package org.researchportal.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoManual;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipationService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whole-programme adherence stops counting on the day a participant left the trial: a withdrawn participant is not
 * reported as missing every programme day since, which would drag the exercise arm's adherence down with time.
 */
class AdherenceAfterLeavingTests extends PortalTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ScreeningService screening;
    @Autowired
    ConsentService consent;
    @Autowired
    ParticipantService participants;
    @Autowired
    ParticipationService participation;
    @Autowired
    ExerciseManuals manuals;
    @Autowired
    Prescriptions prescriptions;
    @Autowired
    ProgressFigures progressFigures;

    @Test
    void aWithdrawnParticipantsPlannedDaysEndOnTheDayTheyLeft() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        SystemActor.runAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> manuals.publishManual(
                trial.studyId(), DemoManual.exercises(), DemoManual.guidance(),
                List.of(DemoManual.standardProgramme()), false));
        String participant = trial.asClinician(() -> trial.randomisedToExercise(screening, consent, randomisation,
                participants, "Leaver"));
        LocalDate today = LocalDate.now(SHANGHAI);
        SystemActor.runAs("test-therapist", trial.tenantId(), EnumSet.of(PortalRole.THERAPIST),
                () -> prescriptions.prescribe(participant, DemoManual.standardProgramme().code(), today.minusDays(2),
                        EnumSet.allOf(DayOfWeek.class), "Start of the programme"));
        LocalDate left = today.minusDays(1);
        trial.doAsClinician(() -> participation.withdraw(participant, left, "Moved to another city"));

        ProgrammeAdherence adherence = trial.asClinician(() -> progressFigures.adherence(trial.studyId(),
                List.of(participant))).getFirst();
        assertThat(adherence.until()).isEqualTo(left);
        assertThat(adherence.plannedDays()).as("every day from the start to the day they left, not to today")
                .isEqualTo(2);
    }
}
