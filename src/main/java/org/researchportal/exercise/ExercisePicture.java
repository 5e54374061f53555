package org.researchportal.exercise;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A picture of one exercise of a study's manual (a position to take, a movement's end point), with the words a
 * screen reader says instead of it in each language. Removing a picture keeps it on record ({@code removedAt}).
 */
@Document("exercise_pictures")
@CompoundIndex(name = "tenant_study_current_added", def = "{'tenantId': 1, 'studyId': 1, 'removedAt': 1, 'addedAt': 1}")
class ExercisePicture extends TenantOwnedDocument {

    public static final int DESCRIPTION_MAX_LENGTH = 200;

    private String studyId;
    private String exerciseCode;
    private String fileId;
    private String contentType;
    private long size;
    private Text description;
    private String addedBy;
    private Instant addedAt;
    private @Nullable Instant removedAt;

    ExercisePicture(String studyId, String exerciseCode, String fileId, String contentType, long size,
            Text description, String addedBy, Instant addedAt) {
        this.studyId = studyId;
        this.exerciseCode = exerciseCode;
        this.fileId = fileId;
        this.contentType = contentType;
        this.size = size;
        this.description = description;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    String getStudyId() {
        return studyId;
    }

    boolean isCurrent() {
        return removedAt == null;
    }

    String getFileId() {
        return fileId;
    }

    PictureRef toRef() {
        return new PictureRef(requireId(), exerciseCode, contentType, size, description, addedBy, addedAt);
    }
}
