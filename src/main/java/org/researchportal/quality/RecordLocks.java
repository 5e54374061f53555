package org.researchportal.quality;

import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.springframework.stereotype.Component;

/**
 * Answers every clinical write's question "may this form change?": not when the study's database is locked, nor when
 * a monitor locked the form or its participant. Runs with the writer's authority and reads only the tenant in scope.
 */
@Component
class RecordLocks implements ClinicalRecordLocks {

    private final StudyLives lives;
    private final FormLocks locks;

    RecordLocks(StudyLives lives, FormLocks locks) {
        this.lives = lives;
        this.locks = locks;
    }

    @Override
    public void requireWritable(ClinicalForm form) {
        if (studyLocked(form.studyId())) {
            throw ValidationException.of(FIELD, "study.locked");
        }
        if (!locks.holding(form.participantId(), form.key()).isEmpty()) {
            throw ValidationException.of(FIELD, "record.locked");
        }
    }

    @Override
    public boolean studyLocked(String studyId) {
        return !lives.stage(studyId).open();
    }
}
