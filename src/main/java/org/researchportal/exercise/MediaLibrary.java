package org.researchportal.exercise;

import com.mongodb.MongoGridFSException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.tenancy.StoredFile;
import org.researchportal.tenancy.TenantFiles;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The study's exercise videos: uploaded (size limited, type read from the bytes, kept in GridFS) or linked from an
 * external host, one current video per exercise, and which of them each participant is pointed at in the weeks ahead.
 * Captions ({@link VideoCaptions}), pictures ({@link PictureLibrary}) and watch tracking ({@link VideoWatching}) are
 * their own services; who may view is {@link MediaAccess}. A control-arm participant has no videos.
 */
@Service
public class MediaLibrary {

    static final int LINK_MAX_LENGTH = 500;

    private final VideoRecords videos;
    private final TenantFiles files;
    private final MediaAccess access;
    private final ProgrammeFeed programmeFeed;
    private final ExerciseArm arm;
    private final AuditTrail audit;
    private final Clock clock;
    private final long maxBytes;

    MediaLibrary(VideoRecords videos, TenantFiles files, MediaAccess access, ProgrammeFeed programmeFeed,
            ExerciseArm arm, AuditTrail audit, Clock clock, ExerciseProperties settings) {
        this.videos = videos;
        this.files = files;
        this.access = access;
        this.programmeFeed = programmeFeed;
        this.arm = arm;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = settings.video().maxBytes();
    }

    /** The largest video an upload may be, for the upload form to say so before anyone waits. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Uploads a video for an exercise of the study's current manual; it replaces the exercise's current video. The
     * content is streamed into storage and cut off at the size limit, so a too-large upload leaves nothing behind.
     */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public VideoRef upload(String studyId, String exerciseCode, String fileName, InputStream content) {
        access.requireExercise(studyId, exerciseCode);
        var in = new BufferedInputStream(content);
        byte[] head;
        try {
            in.mark(MediaTypes.SNIFF_BYTES);
            head = in.readNBytes(MediaTypes.SNIFF_BYTES);
            in.reset();
        } catch (IOException unreadable) {
            throw ValidationException.of("file", "video.file.type");
        }
        if (head.length == 0) {
            throw ValidationException.of("file", "video.file.size");
        }
        String type = MediaTypes.detect(head).orElseThrow(() -> ValidationException.of("file", "video.file.type"));
        String safeName = TenantFiles.safeName(fileName, exerciseCode, MediaTypes.extension(type));
        var limited = new LimitedStream(in, maxBytes);
        String fileId;
        try {
            fileId = files.store(safeName, type, limited, Map.of("studyId", studyId, "purpose", "exercise-video"));
        } catch (MongoGridFSException failed) {
            // The driver removes the chunks of an upload that fails part way.
            if (failed.getCause() instanceof LimitedStream.TooLarge) {
                throw ValidationException.of("file", "video.file.size");
            }
            throw failed;
        }
        return add(new ExerciseVideo(studyId, exerciseCode, ExerciseVideo.Source.UPLOAD, fileId, safeName, type,
                limited.count(), null, CurrentUser.require().username(), clock.instant()));
    }

    /** Points an exercise at a video on an external host (https only); it replaces the exercise's current video. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public VideoRef link(String studyId, String exerciseCode, String url) {
        access.requireExercise(studyId, exerciseCode);
        String link = url == null ? "" : url.trim();
        if (!isHttpsLink(link)) {
            throw ValidationException.of("url", "video.link.invalid");
        }
        return add(new ExerciseVideo(studyId, exerciseCode, ExerciseVideo.Source.LINK, null, null, null, 0, link,
                CurrentUser.require().username(), clock.instant()));
    }

    /** The current video of each exercise of the study, by exercise code. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST, Authorities.CLINICIAN})
    public Map<String, VideoRef> videos(String studyId) {
        return currentVideos(studyId);
    }

    /**
     * Which video each exercise-arm participant is sent a link to in the weeks ahead: on the first programme day of
     * each programme week still ahead, the next of their programme's exercises that has a video, in turn, so over
     * the weeks they are pointed at each one. A programme without videos gets none.
     */
    @Secured({Authorities.THERAPIST, Authorities.COORDINATOR})
    public List<VideoWeek> videoWeeksAhead(int days) {
        Map<String, Map<String, VideoRef>> videosByStudy = new HashMap<>();
        Set<String> weeksSeen = new HashSet<>();
        List<VideoWeek> weeks = new ArrayList<>();
        for (ProgrammeDay day : programmeFeed.programmeDaysAhead(days)) {
            if (!weeksSeen.add(day.participantId() + ":" + day.week())) {
                continue;
            }
            Map<String, VideoRef> videos = videosByStudy.computeIfAbsent(day.studyId(), this::currentVideos);
            List<String> withVideo = day.exercises().stream().filter(videos::containsKey).toList();
            if (!withVideo.isEmpty()) {
                weeks.add(new VideoWeek(day.participantId(), day.date(), day.week(),
                        withVideo.get(Math.floorMod(day.week(), withVideo.size()))));
            }
        }
        return weeks;
    }

    /** The day a participant is sent the link to one exercise's video, in a week of their programme. */
    public record VideoWeek(String participantId, LocalDate date, int week, String exerciseCode) {}

    /** The videos of the signed-in participant's manual; a participant outside the exercise arm has none. */
    @Secured(Authorities.PARTICIPANT)
    public Map<String, VideoRef> myVideos() {
        return currentVideos(arm.requireMe().studyId());
    }

    /** An uploaded video, for streaming: only to staff of the tenant and to the exercise arm of its study. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.PARTICIPANT})
    public StoredFile openVideo(String videoId) {
        ExerciseVideo video = access.viewable(videoId);
        return Optional.ofNullable(video.getFileId()).flatMap(files::open)
                .orElseThrow(() -> new NotFoundException("ExerciseVideo", videoId));
    }

    private VideoRef add(ExerciseVideo video) {
        ExerciseVideo stored;
        try {
            stored = videos.add(video);
        } catch (RuntimeException notRecorded) {
            if (video.getFileId() != null) {
                files.delete(video.getFileId());
            }
            throw notRecorded;
        }
        // The exercise's earlier videos are kept (what was watched stays on record) but are no longer current.
        videos.replaceEarlierThan(stored, clock.instant());
        VideoRef ref = stored.toRef();
        audit.record("video.added", "ExerciseVideo", ref.id(), null, ref, null);
        return ref;
    }

    private Map<String, VideoRef> currentVideos(String studyId) {
        return videos.currentVideos(studyId).stream().map(ExerciseVideo::toRef)
                .sorted(Comparator.comparing(VideoRef::addedAt))
                .collect(Collectors.toMap(VideoRef::exerciseCode, Function.identity(), (older, newer) -> newer,
                        LinkedHashMap::new));
    }

    private static boolean isHttpsLink(String link) {
        if (link.isEmpty() || link.length() > LINK_MAX_LENGTH || link.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
