package org.researchportal.exercise;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The exercises' pictures: PNG or JPEG, judged by their bytes, each with a description in words, a few per exercise.
 * Shown to staff of the tenant and to the exercise arm of the study, in the manual and on the printed handout.
 */
@Service
public class PictureLibrary {

    public static final int PICTURE_MAX_BYTES = 2 * 1024 * 1024;
    static final int PICTURES_PER_EXERCISE = 6;

    private final PictureRecords pictures;
    private final TenantFiles files;
    private final MediaAccess access;
    private final ExerciseArm arm;
    private final AuditTrail audit;
    private final Clock clock;

    PictureLibrary(PictureRecords pictures, TenantFiles files, MediaAccess access, ExerciseArm arm,
            AuditTrail audit, Clock clock) {
        this.pictures = pictures;
        this.files = files;
        this.access = access;
        this.arm = arm;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a picture to an exercise of the study's current manual; the English description is required. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public PictureRef addPicture(String studyId, String exerciseCode, byte[] content, Text description) {
        access.requireExercise(studyId, exerciseCode);
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
        if (errors.isEmpty() && pictures.currentCount(studyId, exerciseCode) >= PICTURES_PER_EXERCISE) {
            errors.put("file", "picture.too-many");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String fileId = files.store(exerciseCode + MediaTypes.extension(type.orElseThrow()), type.orElseThrow(),
                content, Map.of("studyId", studyId, "purpose", "exercise-picture"));
        PictureRef ref;
        try {
            ref = pictures.add(new ExercisePicture(studyId, exerciseCode, fileId, type.orElseThrow(),
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
        ExercisePicture picture = pictures.findPicture(pictureId)
                .orElseThrow(() -> new NotFoundException("ExercisePicture", pictureId));
        if (pictures.remove(pictureId, clock.instant())) {
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
        return currentPictures(arm.requireMe().studyId());
    }

    /** A picture, for the browser or a handout: to staff of the tenant and the exercise arm of its study. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.PARTICIPANT})
    public StoredFile openPicture(String pictureId) {
        ExercisePicture picture = pictures.findPicture(pictureId)
                .filter(ExercisePicture::isCurrent)
                .orElseThrow(() -> new NotFoundException("ExercisePicture", pictureId));
        access.mayView(picture.getStudyId(), pictureId);
        return files.open(picture.getFileId()).orElseThrow(() -> new NotFoundException("ExercisePicture",
                pictureId));
    }

    private Map<String, List<PictureRef>> currentPictures(String studyId) {
        return pictures.currentPictures(studyId).stream().map(ExercisePicture::toRef)
                .collect(Collectors.groupingBy(PictureRef::exerciseCode, LinkedHashMap::new, Collectors.toList()));
    }
}
