package org.researchportal.base.clinical;

import java.util.List;

/**
 * The saved values of the forms a module keeps, for the edit checks that run after a save and over a whole study. Each
 * module that keeps clinical data answers for its kinds; the caller (the quality module) has checked the reader's role,
 * so these reads are tenant-scoped but ask no role themselves.
 */
public interface ClinicalValues {

    boolean keeps(FormKind kind);

    /**
     * One participant's saved forms of this kind and code: for an instrument, that instrument at each timepoint (with
     * the timepoint's window), for an adverse event or a call, each one.
     */
    List<FormValues> ofParticipant(String studyId, String participantId, FormKind kind, String form);

    /** Every saved form of this kind and code in the study. */
    List<FormValues> ofStudy(String studyId, FormKind kind, String form);
}
