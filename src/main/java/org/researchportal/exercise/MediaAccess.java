package org.researchportal.exercise;

import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.springframework.stereotype.Component;

/**
 * Who may see the study's media, said once for videos, captions and pictures: staff of the tenant, and participants of
 * the exercise arm of that study. A plain component (no proxy); each media service checks the caller's role itself.
 */
@Component
class MediaAccess {

    private final VideoRecords videos;
    private final ExerciseManuals manuals;
    private final ExerciseArm arm;

    MediaAccess(VideoRecords videos, ExerciseManuals manuals, ExerciseArm arm) {
        this.videos = videos;
        this.manuals = manuals;
        this.arm = arm;
    }

    /** A video of the tenant the caller may watch. */
    ExerciseVideo viewable(String videoId) {
        ExerciseVideo video = videos.findVideo(videoId)
                .orElseThrow(() -> new NotFoundException("ExerciseVideo", videoId));
        mayView(video.getStudyId(), videoId);
        return video;
    }

    /** Staff of the tenant see a study's media; a participant only their own study's, and only in the exercise arm. */
    void mayView(String studyId, String mediaId) {
        var me = CurrentUser.require();
        boolean staff = me.hasRole(PortalRole.TENANT_ADMIN) || me.hasRole(PortalRole.THERAPIST)
                || me.hasRole(PortalRole.CLINICIAN);
        if (!staff && !arm.me().map(p -> p.studyId().equals(studyId)).orElse(false)) {
            throw new NotFoundException("ExerciseMedia", mediaId);
        }
    }

    /** Media are added only to an exercise of the study's current manual. */
    void requireExercise(String studyId, String exerciseCode) {
        boolean known = manuals.manual(studyId).flatMap(m -> m.exercise(exerciseCode)).isPresent();
        if (!known) {
            throw new NotFoundException("ManualExercise", exerciseCode);
        }
    }
}
