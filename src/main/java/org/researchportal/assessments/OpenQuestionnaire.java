package org.researchportal.assessments;

import java.util.Map;

/**
 * One of the participant's questionnaires as her form shows it: the instrument version it is drawn from and the
 * answers so far (her draft's while open; what was recorded once completed, never to be changed by her).
 *
 * @param started whether she has begun it (a draft holds answers)
 */
public record OpenQuestionnaire(DueQuestionnaire due, Instrument instrument, int version, Map<String, String> answers,
        boolean started) {

    public OpenQuestionnaire {
        answers = Map.copyOf(answers);
    }

    /** Sent (by her) or recorded (by staff from paper): read-only. */
    public boolean completed() {
        return due.state() == DueQuestionnaire.State.COMPLETED;
    }
}
