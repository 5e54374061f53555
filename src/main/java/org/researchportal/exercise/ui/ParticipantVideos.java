package org.researchportal.exercise.ui;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.exercise.VideoLibrary;
import org.researchportal.exercise.VideoRef;

/**
 * The signed-in participant's videos, by exercise, and where their player's reports go. A report the library refuses
 * (a player's odd position, a video replaced meanwhile) is dropped: watching never shows the participant an error.
 */
final class ParticipantVideos implements VideoPlayer.WatchReport {

    private final VideoLibrary videos;
    private final Map<String, VideoRef> byExercise;

    ParticipantVideos(VideoLibrary videos) {
        this.videos = videos;
        this.byExercise = videos.myVideos();
    }

    @Nullable VideoRef of(String exerciseCode) {
        return byExercise.get(exerciseCode);
    }

    @Override
    public void report(String videoId, VideoLibrary.WatchEvent event, double positionSeconds,
            double durationSeconds) {
        try {
            videos.recordWatch(videoId, event, positionSeconds, durationSeconds);
        } catch (ValidationException | NotFoundException dropped) {
            // Nothing for the participant to do about it.
        }
    }
}
