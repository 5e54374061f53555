package org.researchportal.participants;

import java.time.LocalDate;

/** A withdrawal of consent, whole or in part, with its date, reason and who recorded it. */
public record ConsentWithdrawal(Scope scope, LocalDate withdrawnOn, String reason, String recordedBy) {

    public enum Scope {
        /** No more SMS. */
        SMS_CONTACT,
        /** No more email. */
        EMAIL_CONTACT,
        /** No further participation at all: the participant is withdrawn and pending messages stop. */
        PARTICIPATION
    }
}
