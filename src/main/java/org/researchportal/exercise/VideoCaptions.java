package org.researchportal.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.tenancy.StoredFile;
import org.researchportal.tenancy.TenantFiles;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** The WebVTT captions of an uploaded exercise video, one file per language of the portal. */
@Service
public class VideoCaptions {

    public static final int CAPTIONS_MAX_BYTES = 256 * 1024;

    private final VideoRecords videos;
    private final TenantFiles files;
    private final MediaAccess access;
    private final AuditTrail audit;

    VideoCaptions(VideoRecords videos, TenantFiles files, MediaAccess access, AuditTrail audit) {
        this.videos = videos;
        this.files = files;
        this.access = access;
        this.audit = audit;
    }

    /** Adds (or replaces) an uploaded video's captions in one of the portal's languages. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public VideoRef addCaptions(String videoId, String language, byte[] content) {
        ExerciseVideo video = videos.findVideo(videoId)
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
        if (!videos.replaceCaptions(video, captions)) {
            files.delete(fileId);
            throw ValidationException.of("file", "video.changed-meanwhile");
        }
        video.getCaptions().stream().filter(c -> c.language().equals(language))
                .forEach(replaced -> files.delete(replaced.fileId()));
        VideoRef after = videos.video(videoId).toRef();
        audit.record("video.captions-added", "ExerciseVideo", videoId, video.toRef(), after, null);
        return after;
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.PARTICIPANT})
    public StoredFile openCaptions(String videoId, String language) {
        ExerciseVideo video = access.viewable(videoId);
        return video.getCaptions().stream().filter(c -> c.language().equals(language)).findFirst()
                .flatMap(c -> files.open(c.fileId()))
                .orElseThrow(() -> new NotFoundException("Captions", videoId + "/" + language));
    }

    private static Set<String> captionLanguages() {
        return PortalLocales.SUPPORTED.stream().map(Locale::toLanguageTag).collect(Collectors.toSet());
    }
}
