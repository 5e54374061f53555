package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.dom.Element;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.exercise.VideoRef;
import org.researchportal.exercise.VideoWatching;
import tools.jackson.databind.JsonNode;

/**
 * The browser's own video player for an uploaded exercise video: it streams with byte ranges (so seeking works), shows
 * the captions in the reader's language by default, and reports plays, progress and the end to the portal.
 */
@Tag("video")
final class VideoPlayer extends Component implements HasStyle, HasSize {

    /** Receives what the player reports (for a participant; staff previews report nothing). */
    interface WatchReport {
        void report(String videoId, VideoWatching.WatchEvent event, double positionSeconds, double durationSeconds);
    }

    /** How often a playing video reports its position: enough to know how far people get, not a flood. */
    private static final int PROGRESS_EVERY_MS = 10_000;

    VideoPlayer(VideoRef video, String title, @Nullable WatchReport report) {
        Element player = getElement();
        player.setAttribute("src", video.streamPath());
        player.setAttribute("controls", true);
        player.setAttribute("preload", "metadata");
        player.setAttribute("playsinline", true);
        player.setAttribute("aria-label", title);
        addClassName("exercise-video");
        Locale locale = getLocale();
        for (String language : video.captionLanguages()) {
            var track = new Element("track");
            track.setAttribute("kind", "captions");
            track.setAttribute("src", video.captionsPath(language));
            track.setAttribute("srclang", language);
            track.setAttribute("label", getTranslation("language." + language));
            if (language.equals(locale.toLanguageTag()) || language.equals(locale.getLanguage())) {
                track.setAttribute("default", true);
            }
            player.appendChild(track);
        }
        if (report != null) {
            listen(video, "play", VideoWatching.WatchEvent.STARTED, report);
            listen(video, "timeupdate", VideoWatching.WatchEvent.PROGRESS, report).throttle(PROGRESS_EVERY_MS);
            listen(video, "pause", VideoWatching.WatchEvent.PROGRESS, report);
            listen(video, "ended", VideoWatching.WatchEvent.COMPLETED, report);
        }
    }

    private DomListenerRegistration listen(VideoRef video, String type, VideoWatching.WatchEvent event,
            WatchReport report) {
        return getElement().addEventListener(type, e -> report.report(video.id(), event,
                seconds(e, "element.currentTime"),
                seconds(e, "element.duration"))).addEventData("element.currentTime").addEventData("element.duration");
    }

    /** A time the browser reported; an unknown one (NaN, Infinity arrive as null) counts as 0. */
    private static double seconds(DomEvent event, String key) {
        JsonNode value = event.getEventData().get(key);
        return value != null && value.isNumber() ? value.asDouble() : 0;
    }
}
