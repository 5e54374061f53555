package org.researchportal.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;

/**
 * Videos: uploads are judged by their bytes and size, captions must be WebVTT, streaming over real HTTP answers byte
 * ranges exactly (206), refuses bad ones (416) and refuses anyone who may not watch (another tenant, the control arm,
 * an assessor); watch events keep the furthest point and count a video seen through once.
 */
class MediaLibraryTests extends ExerciseTrialTest {

    @LocalServerPort
    int port;
    @Autowired
    MediaLibrary videos;
    @Autowired
    VideoCaptions captionLibrary;
    @Autowired
    PictureLibrary pictures;
    @Autowired
    VideoWatching watching;
    @Autowired
    MongoTemplate mongo;

    private static byte[] demoVideo() throws IOException {
        return new ClassPathResource("demo/forward-arm-raise.mp4").getContentAsByteArray();
    }

    private VideoRef uploadDemo(String exerciseCode) throws IOException {
        byte[] video = demoVideo();
        return asTherapist(() -> videos.upload(study, exerciseCode, "clip.mov", new ByteArrayInputStream(video)));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<byte[]> get(HttpClient client, String path, String range) throws Exception {
        var request = HttpRequest.newBuilder(uri(path));
        if (range != null) {
            request.header("Range", range);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aRangeIsAnsweredWithExactlyThoseBytesAndABadOneWith416() throws Exception {
        VideoRef video = uploadDemo("shoulder_raise");
        byte[] whole = demoVideo();
        HttpClient participant = signedInClient(exerciserAccount);

        HttpResponse<byte[]> full = get(participant, "/" + video.streamPath(), null);
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.body()).isEqualTo(whole);
        assertThat(full.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(full.headers().firstValue("Content-Type")).hasValue("video/mp4");

        HttpResponse<byte[]> middle = get(participant, "/" + video.streamPath(), "bytes=100-1123");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(whole, 100, 1124));
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 100-1123/" + whole.length);
        assertThat(middle.headers().firstValueAsLong("Content-Length")).hasValue(1024);

        HttpResponse<byte[]> tail = get(participant, "/" + video.streamPath(), "bytes=-16");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 16, whole.length));

        HttpResponse<byte[]> open = get(participant, "/" + video.streamPath(), "bytes=" + (whole.length - 5) + "-");
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 5, whole.length));
        // A last byte past the end is cut to the end.
        HttpResponse<byte[]> past = get(participant, "/" + video.streamPath(), "bytes=0-99999999");
        assertThat(past.statusCode()).isEqualTo(206);
        assertThat(past.body()).isEqualTo(whole);

        for (String bad : new String[] {"bytes=" + whole.length + "-", "bytes=500-100", "bytes=-0", "bytes=x-y",
                "bytes=-"}) {
            HttpResponse<byte[]> refused = get(participant, "/" + video.streamPath(), bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(416);
            assertThat(refused.headers().firstValue("Content-Range")).as(bad).hasValue("bytes */" + whole.length);
            assertThat(refused.body()).as(bad).isEmpty();
        }
    }

    @Test
    void onlyThoseWhoMayWatchGetTheVideoOrItsCaptions() throws Exception {
        VideoRef video = uploadDemo("shoulder_raise");
        byte[] captions = new ClassPathResource("demo/forward-arm-raise.zh-CN.vtt").getContentAsByteArray();
        asTherapist(() -> captionLibrary.addCaptions(video.id(), "zh-CN", captions));

        HttpResponse<byte[]> mine = get(signedInClient(exerciserAccount), "/" + video.captionsPath("zh-CN"), null);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(new String(mine.body(), StandardCharsets.UTF_8)).startsWith("WEBVTT").contains("双臂");

        // The control arm, another tenant's therapist and (by role) a blinded assessor: all "not found".
        for (String outsider : new String[] {controlAccount, "lakeside.therapist", "fudan.assessor"}) {
            HttpClient client = signedInClient(outsider);
            assertThat(get(client, "/" + video.streamPath(), "bytes=0-9").statusCode()).as(outsider).isEqualTo(404);
            assertThat(get(client, "/" + video.captionsPath("zh-CN"), null).statusCode()).as(outsider)
                    .isEqualTo(404);
        }
        // Without a session the request does not reach the video at all.
        HttpResponse<byte[]> anonymous = get(HttpClient.newHttpClient(), "/" + video.streamPath(), null);
        assertThat(anonymous.statusCode()).isIn(302, 401);
        assertThat(anonymous.body()).isNotEqualTo(demoVideo());

        signIn(controlAccount);
        assertThatThrownBy(videos::myVideos).isInstanceOf(NotFoundException.class);
        signIn("fudan.assessor");
        assertThatThrownBy(() -> videos.openVideo(video.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anUploadIsJudgedByItsBytesAndCutOffAtTheLimit() {
        long filesBefore = mongo.count(new Query(), "fs.files");
        byte[] pdf = "%PDF-1.4 not a video at all".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> asTherapist(() -> videos.upload(study, "heel_raise", "clip.mp4",
                new ByteArrayInputStream(pdf)))).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).fieldMessageKeys()).isEqualTo(
                        java.util.Map.of("file", "video.file.type"));
        byte[] huge = new byte[(int) (long) asTherapist(videos::maxBytes) + 10];
        byte[] mp4Head = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(mp4Head, 0, huge, 0, mp4Head.length);
        assertThatThrownBy(() -> asTherapist(() -> videos.upload(study, "heel_raise", "big.mp4",
                new ByteArrayInputStream(huge)))).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).fieldMessageKeys()).isEqualTo(
                        java.util.Map.of("file", "video.file.size"));
        assertThat(mongo.count(new Query(), "fs.files")).as("nothing half-stored").isEqualTo(filesBefore);
        assertThat(asTherapist(() -> videos.videos(study))).doesNotContainKey("heel_raise");
        assertThatThrownBy(() -> asTherapist(() -> videos.upload(study, "no_such_exercise", "clip.mp4",
                new ByteArrayInputStream(mp4Head)))).isInstanceOf(NotFoundException.class);
        // Only staff who keep the manual upload.
        signIn(exerciserAccount);
        assertThatThrownBy(() -> videos.upload(study, "heel_raise", "clip.mp4", new ByteArrayInputStream(mp4Head)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void linksMustBeHttpsAndCaptionsWebVttInAPortalLanguage() throws Exception {
        for (String bad : new String[] {"http://videos.example.org/1", "javascript:alert(1)", "https://",
                "https://user:pw@example.org/v", "https://example.org/a b", ""}) {
            assertThatThrownBy(() -> asTherapist(() -> videos.link(study, "calf_stretch", bad))).as(bad)
                    .isInstanceOf(ValidationException.class);
        }
        VideoRef linked = asTherapist(() -> videos.link(study, "calf_stretch", "https://videos.example.org/calf"));
        assertThat(linked.source()).isEqualTo(ExerciseVideo.Source.LINK);
        assertThatThrownBy(() -> asTherapist(() -> captionLibrary.addCaptions(linked.id(), "en",
                "WEBVTT\n\n00:00.000 --> 00:01.000\nHi".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ValidationException.class);

        VideoRef uploaded = uploadDemo("calf_stretch");
        assertThat(asTherapist(() -> videos.videos(study)).get("calf_stretch").id()).as("the upload replaced the link")
                .isEqualTo(uploaded.id());
        byte[] good = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> asTherapist(() -> captionLibrary.addCaptions(uploaded.id(), "fr", good)))
                .isInstanceOf(ValidationException.class);
        for (byte[] bad : new byte[][] {"1\n00:00:00,000 --> 00:00:02,000\nSRT, not VTT".getBytes(
                StandardCharsets.UTF_8), "WEBVTT\n\nno cues here".getBytes(StandardCharsets.UTF_8),
                {'W', 'E', 'B', 'V', 'T', 'T', '\n', (byte) 0xC3, (byte) 0x28}}) {
            assertThatThrownBy(() -> asTherapist(() -> captionLibrary.addCaptions(uploaded.id(), "en", bad)))
                    .isInstanceOf(ValidationException.class);
        }
        VideoRef captioned = asTherapist(() -> captionLibrary.addCaptions(uploaded.id(), "en", good));
        assertThat(captioned.captionLanguages()).containsExactly("en");
        assertThat(history("ExerciseVideo", uploaded.id())).contains("video.added", "video.captions-added");
    }

    @Test
    void watchingKeepsTheFurthestPointAndCountsAVideoSeenThroughOnce() throws Exception {
        VideoRef video = uploadDemo("wall_pushup");
        prescribeStandard();
        signIn(exerciserAccount);
        assertThat(videos.myVideos()).containsKey("wall_pushup");
        watching.recordWatch(video.id(), VideoWatching.WatchEvent.STARTED, 0, 12);
        watching.recordWatch(video.id(), VideoWatching.WatchEvent.PROGRESS, 6, 12);
        VideoEngagement back = watching.recordWatch(video.id(), VideoWatching.WatchEvent.PROGRESS, 2, 12);
        assertThat(back.furthestSeconds()).as("seeking back keeps the furthest point").isEqualTo(6);
        assertThat(back.completed()).isFalse();
        assertThat(back.percentSeen()).isEqualTo(50);
        VideoEngagement nearlyAll = watching.recordWatch(video.id(), VideoWatching.WatchEvent.PROGRESS, 11, 12);
        assertThat(nearlyAll.completed()).as("90% seen counts as watched").isTrue();
        watching.recordWatch(video.id(), VideoWatching.WatchEvent.STARTED, 0, 12);
        VideoEngagement again = watching.recordWatch(video.id(), VideoWatching.WatchEvent.COMPLETED, 12, 12);
        assertThat(again.plays()).isEqualTo(2);
        assertThat(again.completedAt()).as("seen through once: the first time stays").isEqualTo(
                nearlyAll.completedAt());
        assertThatThrownBy(() -> watching.recordWatch(video.id(), VideoWatching.WatchEvent.PROGRESS, -1, 12))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> watching.recordWatch(video.id(), VideoWatching.WatchEvent.PROGRESS, Double.NaN, 12))
                .isInstanceOf(ValidationException.class);

        assertThat(asTherapist(() -> watching.engagement(exerciser))).singleElement()
                .satisfies(e -> assertThat(e.exerciseCode()).isEqualTo("wall_pushup"));
        signIn(controlAccount);
        assertThatThrownBy(() -> watching.recordWatch(video.id(), VideoWatching.WatchEvent.STARTED, 0, 12))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void picturesAreJudgedByTheirBytesDescribedInWordsAndShownOnlyToThoseWhoMaySeeThem() throws Exception {
        byte[] png = new ClassPathResource("demo/forward-arm-raise-top.png").getContentAsByteArray();
        Text words = new Text("Arms raised", "双臂上举");
        assertThatThrownBy(() -> asTherapist(() -> pictures.addPicture(study, "bridge", "%PDF-1.4".getBytes(
                StandardCharsets.US_ASCII), words))).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).fieldMessageKeys()).isEqualTo(
                        java.util.Map.of("file", "picture.file.invalid"));
        assertThatThrownBy(() -> asTherapist(() -> pictures.addPicture(study, "bridge", png, new Text(" ", ""))))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).fieldMessageKeys()).isEqualTo(
                        java.util.Map.of("description", "picture.description.invalid"));

        PictureRef added = asTherapist(() -> pictures.addPicture(study, "bridge", png, new Text("Arms raised", "")));
        assertThat(added.description().zh()).as("the English words stand in for missing Chinese")
                .isEqualTo("Arms raised");
        HttpResponse<byte[]> shown = get(signedInClient(exerciserAccount), "/" + added.path(), null);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).isEqualTo(png);
        assertThat(shown.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(shown.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        for (String outsider : new String[] {controlAccount, "lakeside.therapist"}) {
            assertThat(get(signedInClient(outsider), "/" + added.path(), null).statusCode()).as(outsider)
                    .isEqualTo(404);
        }

        for (int i = 1; i < PictureLibrary.PICTURES_PER_EXERCISE; i++) {
            asTherapist(() -> pictures.addPicture(study, "bridge", png, words));
        }
        assertThatThrownBy(() -> asTherapist(() -> pictures.addPicture(study, "bridge", png, words)))
                .isInstanceOf(ValidationException.class);
        asTherapist(() -> {
            pictures.removePicture(added.id());
            return null;
        });
        assertThat(asTherapist(() -> pictures.pictures(study)).get("bridge")).hasSize(
                PictureLibrary.PICTURES_PER_EXERCISE - 1).noneMatch(p -> p.id().equals(added.id()));
        assertThat(history("ExercisePicture", added.id())).containsExactlyInAnyOrder("picture.added",
                "picture.removed");
        assertThat(get(signedInClient(exerciserAccount), "/" + added.path(), null).statusCode())
                .as("a removed picture is no longer served").isEqualTo(404);

        // A small file that declares a 5000 x 5000 image is refused before anything decodes it.
        byte[] huge = png.clone();
        java.nio.ByteBuffer.wrap(huge, 16, 8).putInt(5000).putInt(5000);
        asTherapist(() -> {
            pictures.removePicture(asTherapist(() -> pictures.pictures(study)).get("bridge").getFirst().id());
            return null;
        });
        assertThatThrownBy(() -> asTherapist(() -> pictures.addPicture(study, "bridge", huge, words)))
                .isInstanceOf(ValidationException.class);
    }
}
