package org.researchportal.exercise;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.researchportal.base.security.Authorities;
import org.researchportal.exercise.ProgrammeRecords.Followed;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** What messaging plans session reminders from: the programme days ahead of the exercise arm. */
@Service
public class ProgrammeFeed {

    private final ProgrammeRecords records;
    private final ExerciseArm arm;

    ProgrammeFeed(ProgrammeRecords records, ExerciseArm arm) {
        this.records = records;
        this.arm = arm;
    }

    /**
     * The programme days ahead, today included, of every enrolled exercise-arm participant of the tenant, in each
     * participant's own calendar: what the session reminders are planned from.
     */
    @Secured({Authorities.THERAPIST, Authorities.COORDINATOR})
    public List<ProgrammeDay> programmeDaysAhead(int days) {
        List<ProgrammeDay> ahead = new ArrayList<>();
        for (Followed followed : records.followedProgrammes()) {
            Programme programme = followed.programme();
            LocalDate today = arm.today(followed.participant());
            LocalDate firstWeek = ProgrammeRecords.weekStart(programme.getStartDate());
            List<String> exercises = programme.getItems().stream().map(ProgrammeItem::exercise).toList();
            programme.programmeDays(today, today.plusDays(days - 1L)).forEach(day -> ahead.add(new ProgrammeDay(
                    programme.getParticipantId(), day, programme.getStudyId(),
                    (int) ChronoUnit.WEEKS.between(firstWeek, ProgrammeRecords.weekStart(day)), exercises)));
        }
        return ahead;
    }
}
