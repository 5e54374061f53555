package org.researchportal.exercise.ui;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.exercise.MediaLibrary;
import org.researchportal.exercise.PictureLibrary;
import org.researchportal.exercise.PictureRef;
import org.researchportal.exercise.VideoRef;
import org.researchportal.exercise.VideoWatching;
import org.springframework.dao.DuplicateKeyException;

/**
 * The signed-in participant's pictures and videos, by exercise, and where their player's reports go. A report the library refuses
 * (a player's odd position, a video replaced meanwhile) is dropped: watching never shows the participant an error.
 */
final class ParticipantMedia implements VideoPlayer.WatchReport {

    private final VideoWatching watching;
    private final Map<String, VideoRef> byExercise;
    private final Map<String, List<PictureRef>> pictures;

    ParticipantMedia(MediaLibrary videos, PictureLibrary pictures, VideoWatching watching) {
        this.watching = watching;
        this.byExercise = videos.myVideos();
        this.pictures = pictures.myPictures();
    }

    @Nullable
    VideoRef video(String exerciseCode) {
        return byExercise.get(exerciseCode);
    }

    List<PictureRef> pictures(String exerciseCode) {
        return pictures.getOrDefault(exerciseCode, List.of());
    }

    @Override
    public void report(String videoId, VideoWatching.WatchEvent event, double positionSeconds,
            double durationSeconds) {
        try {
            watching.recordWatch(videoId, event, positionSeconds, durationSeconds);
        } catch (ValidationException | NotFoundException | DuplicateKeyException dropped) {
            // (Two tabs reporting the first play at once meet the unique index; the other report counted it.)
            // Nothing for the participant to do about it.
        }
    }
}
