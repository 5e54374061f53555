package org.researchportal.messaging;

import java.util.List;
import java.util.Optional;

/**
 * The tenant's studies as messages and the outbox name them (by acronym), told to messaging by a module that may
 * know studies without messaging importing the study module. Read as whoever asks: the implementation goes through
 * the study module's secured service.
 */
public interface StudyNames {

    /** The tenant's studies, by acronym. */
    List<StudyName> studies();

    /** One of the tenant's studies; empty for an id that is not one of them. */
    Optional<StudyName> study(String studyId);

    /** A study's id and the acronym messages call it by. */
    record StudyName(String id, String acronym) {}
}
