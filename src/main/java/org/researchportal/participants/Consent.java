package org.researchportal.participants;

import java.time.LocalDate;
import java.util.List;

/**
 * Informed consent as recorded: the consent document version signed, when and by whom it was taken, and separate
 * consent to be contacted by SMS and by email, which the messaging pipeline obeys. Withdrawals are kept, not erased.
 */
public record Consent(String documentVersion, LocalDate consentedOn, String takenBy, boolean smsContact,
        boolean emailContact, List<ConsentWithdrawal> withdrawals) {

    public static final int VERSION_MAX_LENGTH = 60;

    public boolean withdrawnFromParticipation() {
        return withdrawn(ConsentWithdrawal.Scope.PARTICIPATION);
    }

    public boolean withdrawn(ConsentWithdrawal.Scope scope) {
        return withdrawals.stream().anyMatch(w -> w.scope() == scope);
    }
}
