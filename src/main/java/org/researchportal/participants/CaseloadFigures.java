package org.researchportal.participants;

import java.util.List;
import java.util.Locale;

/**
 * Columns another module adds to a therapist's caseload (the exercise module: adherence, last session, open
 * alerts), so the caseload shows them without importing that module. Values come as text, one per header.
 */
public interface CaseloadFigures {

    /** Message keys of the column headers. */
    List<String> headerKeys();

    /** The values for one participant, in the order of the headers, already in the reader's words. */
    List<String> values(String participantId, Locale locale);
}
