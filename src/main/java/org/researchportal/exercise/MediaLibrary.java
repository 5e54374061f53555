package org.researchportal.exercise;

import com.mongodb.MongoGridFSException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.participants.ParticipantRef;
import org.researchportal.tenancy.StoredFile;
import org.researchportal.tenancy.TenantDocuments;
import org.researchportal.tenancy.TenantFiles;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The study's exercise pictures and videos. Pictures: PNG or JPEG, judged by their bytes, each with a description
 * in words. Videos: uploaded (size limited, type read from the bytes, kept in GridFS) or linked from an
 * external host, with WebVTT captions per language; who may watch them (staff of the tenant, and participants of the
 * exercise arm of that study); and how far each participant has watched. A control-arm participant has no videos.
 */
@Service
public class MediaLibrary {

    /** What the player reports: a play pressed, a position reached while playing, the end reached. */
    public enum WatchEvent {
        STARTED, PROGRESS, COMPLETED
    }

    public static final int CAPTIONS_MAX_BYTES = 256 * 1024;
    public static final int PICTURE_MAX_BYTES = 2 * 1024 * 1024;
    static final int PICTURES_PER_EXERCISE = 6;
    static final int LINK_MAX_LENGTH = 500;
    /** Seeing 90% of a video counts as having watched it: the last seconds are often a closing title. */
    static final double COMPLETED_SHARE = 0.9;
    private static final double LONGEST_SECONDS = 24 * 3600;

    private final TenantDocuments documents;
    private final TenantFiles files;
    private final ExerciseManuals manuals;
    private final Prescriptions prescriptions;
    private final ProgrammeFeed programmeFeed;
    private final ExerciseArm arm;
    private final AuditTrail audit;
    private final Clock clock;
    private final long maxBytes;

    MediaLibrary(TenantDocuments documents, TenantFiles files, ExerciseManuals manuals, Prescriptions prescriptions,
            ProgrammeFeed programmeFeed, ExerciseArm arm, AuditTrail audit, Clock clock,
            ExerciseProperties settings) {
        this.documents = documents;
        this.files = files;
        this.manuals = manuals;
        this.prescriptions = prescriptions;
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
        requireExercise(studyId, exerciseCode);
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
                limited.count, null, CurrentUser.require().username(), clock.instant()));
    }

    /** Points an exercise at a video on an external host (https only); it replaces the exercise's current video. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public VideoRef link(String studyId, String exerciseCode, String url) {
        requireExercise(studyId, exerciseCode);
        String link = url == null ? "" : url.trim();
        if (!isHttpsLink(link)) {
            throw ValidationException.of("url", "video.link.invalid");
        }
        return add(new ExerciseVideo(studyId, exerciseCode, ExerciseVideo.Source.LINK, null, null, null, 0, link,
                CurrentUser.require().username(), clock.instant()));
    }

    /** Adds (or replaces) an uploaded video's captions in one of the portal's languages. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public VideoRef addCaptions(String videoId, String language, byte[] content) {
        ExerciseVideo video = documents.findById(videoId, ExerciseVideo.class)
                .orElseThrow(() -> new NotFoundException("ExerciseVideo", videoId));
        if (!captionLanguages().contains(language)) {
            throw ValidationException.of("language", "video.captions.language");
        }
        if (video.getFileId() == null) {
            throw ValidationException.of("file", "video.captions.link");
        }
        if (content.length == 0 || content.length > CAPTIONS_MAX_BYTES || !MediaTypes.isWebVtt(content)) {
            throw ValidationException.of("file", "video.captions.invalid");
        }
        String fileId = files.store(video.getExerciseCode() + "." + language + ".vtt", "text/vtt", content,
                Map.of("studyId", video.getStudyId(), "purpose", "captions"));
        List<ExerciseVideo.Captions> captions = new ArrayList<>(video.getCaptions().stream()
                .filter(c -> !c.language().equals(language)).toList());
        captions.add(new ExerciseVideo.Captions(language, fileId));
        long changed = documents.updateFirst(Query.query(Criteria.where("_id").is(videoId).and("version")
                .is(video.getVersion())), new Update().set("captions", captions).inc("version", 1),
                ExerciseVideo.class);
        if (changed == 0) {
            files.delete(fileId);
            throw ValidationException.of("file", "video.changed-meanwhile");
        }
        video.getCaptions().stream().filter(c -> c.language().equals(language))
                .forEach(replaced -> files.delete(replaced.fileId()));
        VideoRef after = documents.getById(videoId, ExerciseVideo.class).toRef();
        audit.record("video.captions-added", "ExerciseVideo", videoId, video.toRef(), after, null);
        return after;
    }

    /** Adds a picture to an exercise of the study's current manual; the English description is required. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public PictureRef addPicture(String studyId, String exerciseCode, byte[] content, Text description) {
        requireExercise(studyId, exerciseCode);
        Map<String, String> errors = new HashMap<>();
        String en = description.en() == null ? "" : description.en().trim();
        String zh = description.zh() == null ? "" : description.zh().trim();
        if (en.isEmpty() || en.length() > ExercisePicture.DESCRIPTION_MAX_LENGTH
                || zh.length() > ExercisePicture.DESCRIPTION_MAX_LENGTH) {
            errors.put("description", "picture.description.invalid");
        }
        Optional<String> type = content.length == 0 || content.length > PICTURE_MAX_BYTES ? Optional.empty()
                : MediaTypes.detectPicture(content).filter(t -> MediaTypes.fitsPicture(content));
        if (type.isEmpty()) {
            errors.put("file", "picture.file.invalid");
        }
        if (errors.isEmpty() && documents.count(Query.query(Criteria.where("studyId").is(studyId)
                .and("exerciseCode").is(exerciseCode).and("removedAt").isNull()), ExercisePicture.class)
                >= PICTURES_PER_EXERCISE) {
            errors.put("file", "picture.too-many");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String fileId = files.store(exerciseCode + MediaTypes.extension(type.orElseThrow()), type.orElseThrow(),
                content, Map.of("studyId", studyId, "purpose", "exercise-picture"));
        PictureRef ref;
        try {
            ref = documents.insert(new ExercisePicture(studyId, exerciseCode, fileId, type.orElseThrow(),
                    content.length, new Text(en, zh.isEmpty() ? en : zh), CurrentUser.require().username(),
                    clock.instant())).toRef();
        } catch (RuntimeException notRecorded) {
            files.delete(fileId);
            throw notRecorded;
        }
        audit.record("picture.added", "ExercisePicture", ref.id(), null, ref, null);
        return ref;
    }

    /** Takes a picture off the exercise; it stays on record. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public void removePicture(String pictureId) {
        ExercisePicture picture = documents.findById(pictureId, ExercisePicture.class)
                .orElseThrow(() -> new NotFoundException("ExercisePicture", pictureId));
        long changed = documents.updateFirst(Query.query(Criteria.where("_id").is(pictureId).and("removedAt")
                .isNull()), new Update().set("removedAt", clock.instant()), ExercisePicture.class);
        if (changed > 0) {
            audit.record("picture.removed", "ExercisePicture", pictureId, picture.toRef(), null, null);
        }
    }

    /** The current pictures of each exercise of the study, by exercise code, in the order they were added. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST, Authorities.CLINICIAN})
    public Map<String, List<PictureRef>> pictures(String studyId) {
        return currentPictures(studyId);
    }

    @Secured(Authorities.PARTICIPANT)
    public Map<String, List<PictureRef>> myPictures() {
        return currentPictures(myExerciseSelf().studyId());
    }

    /** A picture, for the browser or a handout: to staff of the tenant and the exercise arm of its study. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.PARTICIPANT})
    public StoredFile openPicture(String pictureId) {
        ExercisePicture picture = documents.findById(pictureId, ExercisePicture.class)
                .filter(ExercisePicture::isCurrent)
                .orElseThrow(() -> new NotFoundException("ExercisePicture", pictureId));
        mayView(picture.getStudyId(), pictureId);
        return files.open(picture.getFileId()).orElseThrow(() -> new NotFoundException("ExercisePicture",
                pictureId));
    }

    private Map<String, List<PictureRef>> currentPictures(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("removedAt").isNull())
                .with(Sort.by("addedAt")), ExercisePicture.class).stream().map(ExercisePicture::toRef)
                .collect(Collectors.groupingBy(PictureRef::exerciseCode, LinkedHashMap::new, Collectors.toList()));
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
        Set<String> weeksSeen = new java.util.HashSet<>();
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
    public record VideoWeek(String participantId, java.time.LocalDate date, int week, String exerciseCode) {
    }

    /** The videos of the signed-in participant's manual; a participant outside the exercise arm has none. */
    @Secured(Authorities.PARTICIPANT)
    public Map<String, VideoRef> myVideos() {
        return currentVideos(myExerciseSelf().studyId());
    }

    /** An uploaded video, for streaming: only to staff of the tenant and to the exercise arm of its study. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.PARTICIPANT})
    public StoredFile openVideo(String videoId) {
        ExerciseVideo video = viewable(videoId);
        return Optional.ofNullable(video.getFileId()).flatMap(files::open)
                .orElseThrow(() -> new NotFoundException("ExerciseVideo", videoId));
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.PARTICIPANT})
    public StoredFile openCaptions(String videoId, String language) {
        ExerciseVideo video = viewable(videoId);
        return video.getCaptions().stream().filter(c -> c.language().equals(language)).findFirst()
                .flatMap(c -> files.open(c.fileId()))
                .orElseThrow(() -> new NotFoundException("Captions", videoId + "/" + language));
    }

    /**
     * Records what the signed-in participant's player reports: plays, the furthest position reached (never moving
     * back) and, once, the moment they saw it through. One document per participant and video, changed atomically.
     */
    @Secured(Authorities.PARTICIPANT)
    public VideoEngagement recordWatch(String videoId, WatchEvent event, double positionSeconds,
            double durationSeconds) {
        ParticipantRef me = myExerciseSelf();
        ExerciseVideo video = viewable(videoId);
        if (!Double.isFinite(positionSeconds) || positionSeconds < 0 || positionSeconds > LONGEST_SECONDS) {
            throw ValidationException.of("position", "video.watch.invalid");
        }
        double duration = Double.isFinite(durationSeconds) && durationSeconds > 0
                && durationSeconds <= LONGEST_SECONDS ? durationSeconds : 0;
        Instant now = clock.instant();
        Query mine = Query.query(Criteria.where("participantId").is(me.id()).and("videoId").is(videoId));
        var update = new Update().setOnInsert("studyId", video.getStudyId())
                .setOnInsert("exerciseCode", video.getExerciseCode()).setOnInsert("firstStartedAt", now)
                .max("furthestSeconds", positionSeconds).max("durationSeconds", duration).set("lastWatchedAt", now)
                .inc("plays", event == WatchEvent.STARTED ? 1 : 0);
        VideoWatch watch = documents.findAndModify(mine, update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), VideoWatch.class);
        VideoEngagement engagement = watch == null ? null : watch.toEngagement();
        boolean seenThrough = event == WatchEvent.COMPLETED || (engagement != null && engagement.durationSeconds() > 0
                && engagement.furthestSeconds() >= COMPLETED_SHARE * engagement.durationSeconds());
        if (seenThrough && engagement != null && !engagement.completed()) {
            documents.updateFirst(Query.of(mine).addCriteria(Criteria.where("completedAt").isNull()),
                    new Update().set("completedAt", now), VideoWatch.class);
            engagement = documents.findOne(mine, VideoWatch.class).map(VideoWatch::toEngagement).orElse(engagement);
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
        return engagementOf(myExerciseSelf().id());
    }

    private List<VideoEngagement> engagementOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "lastWatchedAt")), VideoWatch.class).stream()
                .map(VideoWatch::toEngagement).toList();
    }

    private VideoRef add(ExerciseVideo video) {
        ExerciseVideo stored;
        try {
            stored = documents.insert(video);
        } catch (RuntimeException notRecorded) {
            if (video.getFileId() != null) {
                files.delete(video.getFileId());
            }
            throw notRecorded;
        }
        // The exercise's earlier videos are kept (what was watched stays on record) but are no longer current. Only
        // earlier ones: two uploads at once must not retire each other.
        for (ExerciseVideo earlier : documents.find(Query.query(Criteria.where("studyId").is(video.getStudyId())
                .and("exerciseCode").is(video.getExerciseCode()).and("replacedAt").isNull()
                .and("addedAt").lte(video.getAddedAt()).and("_id").ne(stored.requireId())), ExerciseVideo.class)) {
            documents.updateFirst(Query.query(Criteria.where("_id").is(earlier.requireId())),
                    new Update().set("replacedAt", clock.instant()), ExerciseVideo.class);
        }
        VideoRef ref = stored.toRef();
        audit.record("video.added", "ExerciseVideo", ref.id(), null, ref, null);
        return ref;
    }

    private Map<String, VideoRef> currentVideos(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("replacedAt").isNull()),
                ExerciseVideo.class).stream().map(ExerciseVideo::toRef)
                .sorted(Comparator.comparing(VideoRef::addedAt))
                .collect(Collectors.toMap(VideoRef::exerciseCode, Function.identity(), (older, newer) -> newer,
                        LinkedHashMap::new));
    }

    /** A video of the tenant the caller may watch. */
    private ExerciseVideo viewable(String videoId) {
        ExerciseVideo video = documents.findById(videoId, ExerciseVideo.class)
                .orElseThrow(() -> new NotFoundException("ExerciseVideo", videoId));
        mayView(video.getStudyId(), videoId);
        return video;
    }

    /** Staff of the tenant see a study's media; a participant only their own study's, and only in the exercise arm. */
    private void mayView(String studyId, String mediaId) {
        var me = CurrentUser.require();
        boolean staff = me.hasRole(PortalRole.TENANT_ADMIN) || me.hasRole(PortalRole.THERAPIST)
                || me.hasRole(PortalRole.CLINICIAN);
        if (!staff && !arm.me().map(p -> p.studyId().equals(studyId)).orElse(false)) {
            throw new NotFoundException("ExerciseMedia", mediaId);
        }
    }

    private ParticipantRef myExerciseSelf() {
        return arm.requireMe();
    }

    private void requireExercise(String studyId, String exerciseCode) {
        boolean known = manuals.manual(studyId).flatMap(m -> m.exercise(exerciseCode)).isPresent();
        if (!known) {
            throw new NotFoundException("ManualExercise", exerciseCode);
        }
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

    /** Counts what passes and fails the read that goes past the limit. */
    private static final class LimitedStream extends FilterInputStream {

        static final class TooLarge extends IOException {
        }

        private final long limit;
        private long count;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(long n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge();
            }
        }
    }

    private static Set<String> captionLanguages() {
        return PortalLocales.SUPPORTED.stream().map(Locale::toLanguageTag).collect(Collectors.toSet());
    }
}
