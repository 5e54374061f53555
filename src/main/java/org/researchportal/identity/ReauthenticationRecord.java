package org.researchportal.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.storage.PersonalText;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.convert.ValueConverter;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signing that waits for its signer to re-authenticate at the identity provider: asked in the portal, proved at
 * the provider and back through the signing callback, then used once. It outlives the page (the browser leaves the
 * portal and comes back to a new UI) and is shared by every portal instance. Holds no token, only what the signature
 * records and what ties the provider's answer to this request (the nonce's hash).
 */
@Document("reauthentications")
class ReauthenticationRecord extends TenantOwnedDocument {

    enum Status {
        REQUESTED, REAUTHENTICATED, USED, REFUSED
    }

    /** Random, URL-safe, the only name the browser ever sees. */
    @Indexed(unique = true)
    private String key;
    private String accountId;
    private String username;
    // Personal data, sealed at rest.
    @ValueConverter(PersonalText.class)
    private String displayName;
    private @Nullable String subject;
    private String purpose;
    private String returnPath;
    private boolean usernameTyped;
    private Instant requestedAt;
    private Instant expiresAt;
    private Status status;
    private @Nullable String nonceHash;
    private @Nullable Instant authTime;
    private @Nullable String acr;
    private @Nullable String refusal;

    ReauthenticationRecord(String key, String accountId, String username, String displayName,
            @Nullable String subject, String purpose, String returnPath, boolean usernameTyped, Instant requestedAt,
            Instant expiresAt, Status status) {
        this.key = key;
        this.accountId = accountId;
        this.username = username;
        this.displayName = displayName;
        this.subject = subject;
        this.purpose = purpose;
        this.returnPath = returnPath;
        this.usernameTyped = usernameTyped;
        this.requestedAt = requestedAt;
        this.expiresAt = expiresAt;
        this.status = status;
    }

    String getKey() {
        return key;
    }

    String getAccountId() {
        return accountId;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    @Nullable
    String getSubject() {
        return subject;
    }

    String getPurpose() {
        return purpose;
    }

    String getReturnPath() {
        return returnPath;
    }

    boolean isUsernameTyped() {
        return usernameTyped;
    }

    Instant getRequestedAt() {
        return requestedAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Status getStatus() {
        return status;
    }

    @Nullable
    String getNonceHash() {
        return nonceHash;
    }

    @Nullable
    Instant getAuthTime() {
        return authTime;
    }

    @Nullable
    String getAcr() {
        return acr;
    }

    @Nullable
    String getRefusal() {
        return refusal;
    }
}
