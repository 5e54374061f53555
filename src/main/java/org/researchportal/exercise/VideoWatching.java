package org.researchportal.exercise;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.participants.ParticipantRef;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** How far each participant has watched the exercise videos, as their player reports it, for them and the therapist. */
@Service
public class VideoWatching {

    /** What the player reports: a play pressed, a position reached while playing, the end reached. */
    public enum WatchEvent {
        STARTED, PROGRESS, COMPLETED
    }

    /** Seeing 90% of a video counts as having watched it: the last seconds are often a closing title. */
    static final double COMPLETED_SHARE = 0.9;
    private static final double LONGEST_SECONDS = 24 * 3600;

    private final VideoWatchRecords watches;
    private final MediaAccess access;
    private final Prescriptions prescriptions;
    private final ExerciseArm arm;
    private final Clock clock;
    private final ClinicalRecordLocks locks;

    VideoWatching(VideoWatchRecords watches, MediaAccess access, Prescriptions prescriptions, ExerciseArm arm,
            Clock clock, ClinicalRecordLocks locks) {
        this.locks = locks;
        this.watches = watches;
        this.access = access;
        this.prescriptions = prescriptions;
        this.arm = arm;
        this.clock = clock;
    }

    /**
     * Records what the signed-in participant's player reports: plays, the furthest position reached (never moving
     * back) and, once, the moment they saw it through. One document per participant and video, changed atomically.
     */
    @Secured(Authorities.PARTICIPANT)
    public VideoEngagement recordWatch(String videoId, WatchEvent event, double positionSeconds,
            double durationSeconds) {
        ParticipantRef me = arm.requireMe();
        // What a participant watched counts toward adherence, which the locked database holds as it was.
        locks.requireStudyOpen(me.studyId());
        ExerciseVideo video = access.viewable(videoId);
        if (!Double.isFinite(positionSeconds) || positionSeconds < 0 || positionSeconds > LONGEST_SECONDS) {
            throw ValidationException.of("position", "video.watch.invalid");
        }
        double duration = Double.isFinite(durationSeconds) && durationSeconds > 0
                && durationSeconds <= LONGEST_SECONDS ? durationSeconds : 0;
        Instant now = clock.instant();
        VideoWatch watch = watches.watched(me.id(), video, event == WatchEvent.STARTED, positionSeconds, duration,
                now);
        VideoEngagement engagement = watch == null ? null : watch.toEngagement();
        boolean seenThrough = event == WatchEvent.COMPLETED || (engagement != null && engagement.durationSeconds() > 0
                && engagement.furthestSeconds() >= COMPLETED_SHARE * engagement.durationSeconds());
        if (seenThrough && engagement != null && !engagement.completed()) {
            watches.seenThrough(me.id(), videoId, now);
            engagement = watches.watch(me.id(), videoId).map(VideoWatch::toEngagement).orElse(engagement);
        }
        return engagement;
    }

    /** A participant's engagement with the videos, most recently watched first. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public List<VideoEngagement> engagement(String participantId) {
        prescriptions.programmeOf(participantId);
        return engagementOf(participantId);
    }

    @Secured(Authorities.PARTICIPANT)
    public List<VideoEngagement> myEngagement() {
        return engagementOf(arm.requireMe().id());
    }

    private List<VideoEngagement> engagementOf(String participantId) {
        return watches.watchesOf(participantId).stream().map(VideoWatch::toEngagement).toList();
    }
}
