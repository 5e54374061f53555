package org.researchportal.quality;

import java.util.List;
import org.researchportal.reporting.ArchiveAdditions;
import org.springframework.stereotype.Component;

/**
 * What the quality module adds to the archive at lock: the investigator's signatures and the data queries with their
 * threads, each placed by the archive where ODM allows it.
 */
@Component
class ArchiveContents implements ArchiveAdditions {

    // TODO(issue 21, signatures): answer from quality.Signatures once it keeps them (every signature of the
    // participant's forms, valid or voided, oldest first). None are kept yet, so none are archived.
    @Override
    public List<Signed> signatures(String studyId, String participantId) {
        return List.of();
    }

    // TODO(issue 21, queries): answer from DataQueries.allOf(studyId) once it exists, each query with its whole
    // thread. None are kept yet, so none are archived.
    @Override
    public List<QueryThread> queries(String studyId, String participantId) {
        return List.of();
    }
}
