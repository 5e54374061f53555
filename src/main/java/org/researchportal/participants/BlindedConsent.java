package org.researchportal.participants;

import java.time.LocalDate;
import java.util.List;

/**
 * A participant's informed consent as a blinded reader (a monitor) verifies it against the signed form: the same
 * fields as {@link Consent}, with each withdrawal's scope and date but not its reason, which the unblinded site
 * writes in its own words and may name the programme.
 */
public record BlindedConsent(String documentVersion, LocalDate consentedOn, String takenBy, boolean smsContact,
        boolean emailContact, List<Withdrawal> withdrawals) {

    public BlindedConsent {
        withdrawals = List.copyOf(withdrawals);
    }

    /** A withdrawal of consent, whole or in part, without its reason. */
    public record Withdrawal(ConsentWithdrawal.Scope scope, LocalDate withdrawnOn) {}

    static BlindedConsent of(Consent consent) {
        return new BlindedConsent(consent.documentVersion(), consent.consentedOn(), consent.takenBy(),
                consent.smsContact(), consent.emailContact(), consent.withdrawals().stream()
                        .map(w -> new Withdrawal(w.scope(), w.withdrawnOn())).toList());
    }
}
