package org.researchportal.participants;

import org.jspecify.annotations.Nullable;

/**
 * What a clinician narrows a participant list to: a piece of the study or screening number, a status, an arm. Names
 * are sealed at rest (each value encrypted with its own nonce), so the database cannot search them; numbers, status
 * and arm are stored plain and are what the database filters on, page by page.
 *
 * @param number part of the study or screening number, any case; blank for any
 * @param status one status, or {@code null} for all
 * @param armCode one arm's code, or {@code null} for all
 */
public record ParticipantFilter(@Nullable String number, @Nullable ParticipantStatus status,
        @Nullable String armCode) {

    /** Longer than any number the portal gives ({@link Participant#NUMBER_MAX_LENGTH}). */
    public static final int NUMBER_MAX_LENGTH = Participant.NUMBER_MAX_LENGTH;

    public static final ParticipantFilter NONE = new ParticipantFilter(null, null, null);
}
