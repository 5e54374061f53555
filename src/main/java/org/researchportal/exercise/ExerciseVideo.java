package org.researchportal.exercise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The video of one exercise of a study's manual: a file uploaded into the portal (streamed from GridFS) or a link to
 * an external video host, with optional WebVTT captions per language. A new video for the exercise replaces this one
 * ({@code replacedAt} set) but the old one is kept, so what a participant watched stays on record.
 */
@Document("exercise_videos")
@CompoundIndex(name = "tenant_study_current_exercise",
        def = "{'tenantId': 1, 'studyId': 1, 'replacedAt': 1, 'exerciseCode': 1, 'addedAt': -1}")
public class ExerciseVideo extends TenantOwnedDocument {

    public enum Source {
        UPLOAD, LINK
    }

    /** Captions in one language, kept as a file of their own. */
    public record Captions(String language, String fileId) {}

    private String studyId;
    private String exerciseCode;
    private Source source;
    private @Nullable String fileId;
    private @Nullable String fileName;
    private @Nullable String contentType;
    private long size;
    private @Nullable String externalUrl;
    private List<Captions> captions = new ArrayList<>();
    private String addedBy;
    private Instant addedAt;
    private @Nullable Instant replacedAt;

    ExerciseVideo(String studyId, String exerciseCode, Source source, @Nullable String fileId,
            @Nullable String fileName, @Nullable String contentType, long size, @Nullable String externalUrl,
            String addedBy, Instant addedAt) {
        this.studyId = studyId;
        this.exerciseCode = exerciseCode;
        this.source = source;
        this.fileId = fileId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.externalUrl = externalUrl;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    String getStudyId() {
        return studyId;
    }

    String getExerciseCode() {
        return exerciseCode;
    }

    Instant getAddedAt() {
        return addedAt;
    }

    @Nullable
    String getFileId() {
        return fileId;
    }

    List<Captions> getCaptions() {
        return captions;
    }

    VideoRef toRef() {
        return new VideoRef(requireId(), exerciseCode, source, externalUrl, fileName, size,
                captions.stream().map(Captions::language).sorted().toList(), addedBy, addedAt);
    }
}
