package org.researchportal.identity;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The study records participants are invited from: the participants module implements it, so an invitation names a
 * participant of this tenant (never a name and address typed by a caller) and identity needs no arrow to participants.
 */
public interface Invitees {

    /** An enrolled participant of the current tenant, by their record's id; empty for any other id. */
    Optional<Invitee> invitee(String participantId);

    /** Links the participant's record to the account made for them. */
    void linkAccount(String participantId, String accountId);

    /** What an account is made from: the study number (for the username), the name, address and language. */
    record Invitee(String studyNumber, String displayName, @Nullable String email, String language,
            @Nullable String accountId) {}
}
