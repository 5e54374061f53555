package org.researchportal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.exercise.ExerciseManuals;
import org.researchportal.exercise.MediaLibrary;
import org.researchportal.exercise.ParticipantProgramme;
import org.researchportal.exercise.PictureLibrary;
import org.researchportal.exercise.Prescriptions;
import org.researchportal.exercise.SessionEntry;
import org.researchportal.exercise.SessionLogging;
import org.researchportal.exercise.Text;
import org.researchportal.exercise.TodayPlan;
import org.researchportal.exercise.VideoCaptions;
import org.researchportal.exercise.VideoRef;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.StudySummary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The RE-MS demo's exercise arm: the manual, each enrolled participant's programme, a demo video with captions and
 * pictures, and the sessions the demo participants would have logged so far. Through the same services a person would
 * use; each step skips what already exists.
 */
@Component
class DemoExerciseSeed {

    private final ParticipantService participants;
    private final ExerciseManuals manuals;
    private final Prescriptions prescriptions;
    private final ParticipantProgramme ownProgramme;
    private final SessionLogging sessionLogging;
    private final MediaLibrary videos;
    private final VideoCaptions captions;
    private final PictureLibrary pictures;
    private final Clock clock;

    DemoExerciseSeed(ParticipantService participants, ExerciseManuals manuals, Prescriptions prescriptions,
            ParticipantProgramme ownProgramme, SessionLogging sessionLogging, MediaLibrary videos,
            VideoCaptions captions, PictureLibrary pictures, Clock clock) {
        this.participants = participants;
        this.manuals = manuals;
        this.prescriptions = prescriptions;
        this.ownProgramme = ownProgramme;
        this.sessionLogging = sessionLogging;
        this.videos = videos;
        this.captions = captions;
        this.pictures = pictures;
        this.clock = clock;
    }

    /** The study's exercise content, then the sessions of these participant accounts (unknown ones are skipped). */
    void seed(StudySummary study, List<@Nullable String> participantAccounts) {
        seedProgrammes(study);
        seedVideos(study);
        participantAccounts.forEach(this::seedSessions);
    }

    /** The RE-MS manual, and the standard programme for each enrolled participant of the exercise arm. */
    private void seedProgrammes(StudySummary study) {
        if (manuals.manual(study.id()).isEmpty()) {
            manuals.publishManual(study.id(), DemoManual.exercises(), DemoManual.guidance(),
                    List.of(DemoManual.standardProgramme()), true);
        }
        for (var row : participants.participants(study.id(), Pageable.unpaged())) {
            if ("Exercise".equals(row.armName()) && row.status() == ParticipantStatus.ENROLLED
                    && prescriptions.programmeOf(row.id()).isEmpty() && row.enrolledOn() != null) {
                // Prescribing reaches back a week at most in the participant's zone; six days from the server's
                // date stays inside that whichever side of midnight the participant's zone is.
                LocalDate weekAgo = LocalDate.now(clock).minusDays(6);
                LocalDate start = row.enrolledOn().isAfter(weekAgo) ? row.enrolledOn() : weekAgo;
                prescriptions.prescribe(row.id(), DemoManual.standardProgramme().code(), start,
                        Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "Standard RE-MS programme");
            }
        }
    }

    /**
     * The sessions a demo participant of the exercise arm would have logged on their programme days so far, entered
     * on their behalf (the audit trail names the demo seed). The week's check-in is left for them to answer.
     */
    private void seedSessions(@Nullable String accountId) {
        if (accountId == null) {
            return;
        }
        SystemActor.runFor("demo-seed", CurrentUser.require().tenantId(), accountId, Set.of(PortalRole.PARTICIPANT),
                () -> {
                    if (!ownProgramme.followsProgramme() || !ownProgramme.myHistory().isEmpty()) {
                        return;
                    }
                    TodayPlan plan = ownProgramme.myToday();
                    List<String> codes = plan.exercises().stream().map(p -> p.exercise().code()).toList();
                    int n = 0;
                    for (LocalDate day = plan.date().minusDays(7); day.isBefore(plan.date()); day = day.plusDays(1)) {
                        if (day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.WEDNESDAY
                                || day.getDayOfWeek() == DayOfWeek.FRIDAY) {
                            n++;
                            try {
                                sessionLogging.logSession(new SessionEntry(day, codes, 30 + 5 * n, 3 + n % 3, 2 + n % 2,
                                        2 + (n + 1) % 3, null, false));
                            } catch (ValidationException beforeTheStart) {
                                // A day before the programme began: nothing to log.
                            }
                        }
                    }
                });
    }

    /**
     * A short demo video (a drawn figure, marked as demo content) with English and Chinese captions, and two pictures
     * of the same exercise.
     */
    private void seedVideos(StudySummary study) {
        if (!videos.videos(study.id()).isEmpty()) {
            return;
        }
        try (InputStream video = new ClassPathResource("demo/forward-arm-raise.mp4").getInputStream()) {
            VideoRef added = videos.upload(study.id(), "shoulder_raise", "forward-arm-raise.mp4", video);
            for (String language : List.of("en", "zh-CN")) {
                captions.addCaptions(added.id(), language, new ClassPathResource("demo/forward-arm-raise." + language
                        + ".vtt").getContentAsByteArray());
            }
            pictures.addPicture(study.id(), "shoulder_raise", new ClassPathResource(
                    "demo/forward-arm-raise-start.png").getContentAsByteArray(), new Text(
                            "Start: standing tall, arms by the sides (demo drawing)", "起始：站直，双臂自然下垂（演示图）"));
            pictures.addPicture(study.id(), "shoulder_raise", new ClassPathResource(
                    "demo/forward-arm-raise-top.png").getContentAsByteArray(), new Text(
                            "Top: both arms raised as high as is comfortable (demo drawing)",
                            "最高点：双臂抬到舒适的最高处（演示图）"));
        } catch (IOException missing) {
            throw new UncheckedIOException("The demo video is missing from the build", missing);
        }
    }
}
