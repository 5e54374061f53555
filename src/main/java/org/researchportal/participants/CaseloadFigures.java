package org.researchportal.participants;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Columns another module adds to a therapist's caseload (the exercise module: adherence, last session, open
 * alerts), so the caseload shows them without importing that module. Values come as text, one per header.
 */
public interface CaseloadFigures {

    /** Message keys of the column headers. */
    List<String> headerKeys();

    /**
     * The values for a page of participants at once (one query per kind of document, not one per row), each in the
     * order of the headers and already in the reader's words; a participant left out shows empty cells.
     */
    Map<String, List<String>> values(List<String> participantIds, Locale locale);
}
