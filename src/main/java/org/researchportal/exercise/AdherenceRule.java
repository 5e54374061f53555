package org.researchportal.exercise;

/**
 * The protocol's rule for counting adherence: a programme day counts as a session done when at least
 * {@code sessionPercent}% of that day's prescribed exercises were logged, and a participant is adherent when she did
 * at least {@code adherentPercent}% of the dose prescribed. RE-MS states no rule of its own, so the defaults are the
 * usual ones of home exercise trials: half of the day's exercises make a session, 75% of the dose makes adherent.
 */
public record AdherenceRule(int sessionPercent, int adherentPercent) {

    public static final AdherenceRule DEFAULT = new AdherenceRule(50, 75);

    /** Whether a share (0 to 1) reaches a threshold in percent, without rounding errors. */
    static boolean reaches(int done, int of, int percent) {
        return of > 0 && 100L * done >= (long) percent * of;
    }
}
