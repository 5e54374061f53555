package org.researchportal.analysis;

import org.researchportal.study.ArmKind;

/**
 * One arm's compliance, adherence and fidelity: the participants randomised to it, those of them with a programme
 * (the figures are theirs), compliance and adherence summarised, how many are adherent by the study's rule, how many
 * opened the manual, the videos of prescribed exercises seen to the end and the weekly check-ins answered, each
 * against what was there to do. An arm where nobody has a programme (the control arm) has none of these figures.
 */
public record ArmAdherence(String armCode, ArmKind armKind, int randomised, int withProgramme,
        AdherenceStatistics compliance, AdherenceStatistics adherence, int adherent, int manualOpened, int videosSeen,
        int videosPrescribed, int checkInsAnswered, int checkInsExpected) {

    public boolean programmePrescribed() {
        return withProgramme > 0;
    }
}
