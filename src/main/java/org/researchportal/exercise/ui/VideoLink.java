package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import org.jspecify.annotations.Nullable;
import org.researchportal.exercise.ExerciseVideo;
import org.researchportal.exercise.VideoRef;
import org.researchportal.exercise.VideoWatching;

/** An exercise's video as a person meets it: the player for an uploaded one, a link that says where for another. */
final class VideoLink {

    private VideoLink() {
    }

    static Component of(VideoRef video, String title, VideoPlayer.@Nullable WatchReport report) {
        if (video.source() == ExerciseVideo.Source.UPLOAD || video.externalUrl() == null) {
            return new VideoPlayer(video, title, report);
        }
        var link = new Anchor(video.externalUrl(), "");
        link.setText(link.getTranslation("video.watch-on", video.host()));
        link.setTarget(AnchorTarget.BLANK);
        link.getElement().setAttribute("rel", "noopener noreferrer");
        link.addClassName("big-link");
        if (report != null) {
            // An external host tells the portal nothing more than that the participant went to watch.
            link.getElement().addEventListener("click", e -> report.report(video.id(),
                    VideoWatching.WatchEvent.STARTED, 0, 0));
        }
        return link;
    }
}
