package org.researchportal.exercise;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One published version of a study's exercise manual: its exercises, standard-guidance pages and programme templates.
 * A new edition is a new document; a programme keeps pointing at the edition it was prescribed from.
 */
@Document("exercise_manuals")
@CompoundIndex(name = "tenant_study_edition", def = "{'tenantId': 1, 'studyId': 1, 'edition': -1}", unique = true)
public class ExerciseManual extends TenantOwnedDocument {

    private String studyId;
    /** The manual's edition number (not the record's optimistic-locking version). */
    private int edition;
    private List<ManualExercise> exercises;
    private List<GuidancePage> guidance;
    private List<ProgrammeTemplate> templates;
    private boolean demoContent;
    private String publishedBy;
    private Instant publishedAt;

    ExerciseManual(String studyId, int edition, List<ManualExercise> exercises, List<GuidancePage> guidance,
            List<ProgrammeTemplate> templates, boolean demoContent, String publishedBy, Instant publishedAt) {
        this.studyId = studyId;
        this.edition = edition;
        this.exercises = List.copyOf(exercises);
        this.guidance = List.copyOf(guidance);
        this.templates = List.copyOf(templates);
        this.demoContent = demoContent;
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
    }

    public String getStudyId() {
        return studyId;
    }

    public int getEdition() {
        return edition;
    }

    public List<ManualExercise> getExercises() {
        return exercises;
    }

    public List<GuidancePage> getGuidance() {
        return guidance;
    }

    public List<ProgrammeTemplate> getTemplates() {
        return templates;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public boolean isDemoContent() {
        return demoContent;
    }

    public Optional<ManualExercise> exercise(String code) {
        return exercises.stream().filter(e -> e.code().equals(code)).findFirst();
    }
}
