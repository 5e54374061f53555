package org.researchportal.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A link sent to one participant for one page: only the SHA-256 of its random token is kept, so the database cannot
 * hand out working links. It signs in once, it expires, and withdrawal revokes it.
 */
@Document("participant_links")
@CompoundIndex(name = "tenant_participant_revoked", def = "{'tenantId': 1, 'participantId': 1, 'revokedAt': 1}")
public class ParticipantLink extends TenantOwnedDocument {

    /** Where a link leads: pages of the participant's own, never naming the study or the arm in the URL. */
    public enum Target {
        HOME("my-study"),
        /** The exercise programme, opened at one exercise (its video) when the link names one. */
        EXERCISES("my-exercises"),
        /**
         * The questionnaires of one timepoint (the focus). Opened on a device not signed in as the participant, it asks
         * who is answering before it signs her in.
         */
        QUESTIONNAIRE("my-questionnaires");

        private final String path;

        Target(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    @Indexed(unique = true)
    private String tokenHash;
    private String participantId;
    private Target target;
    /**
     * The exercise the page opens at (a manual code) or the questionnaires' timepoint (its code), if any: never anything
     * about the participant.
     */
    private @Nullable String focus;
    private Instant expiresAt;
    private @Nullable Instant revokedAt;
    /** When the link signed its participant in: it works once. */
    private @Nullable Instant usedAt;
    private int uses;
    /** The one-time code last sent for the identity check: its hash only, and when it was sent. */
    private @Nullable String codeHash;
    private @Nullable Instant codeSentAt;
    /** Wrong answers to the identity check so far: a few, then the link is spent. */
    private int failedChecks;

    ParticipantLink(String tokenHash, String participantId, Target target, @Nullable String focus,
            Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.participantId = participantId;
        this.target = target;
        this.focus = focus;
        this.expiresAt = expiresAt;
    }

    String getParticipantId() {
        return participantId;
    }

    Target getTarget() {
        return target;
    }

    /** The page's path, with the exercise (or the questionnaires' timepoint) to open at when the link names one. */
    String location() {
        if (focus == null) {
            return target.path();
        }
        String encoded = java.net.URLEncoder.encode(focus, java.nio.charset.StandardCharsets.UTF_8);
        return target == Target.QUESTIONNAIRE ? target.path() + "/" + encoded : target.path() + "?exercise=" + encoded;
    }

    /** Whether opening the link on a device not signed in as the participant asks who is answering first. */
    boolean checksWhoAnswers() {
        return target == Target.QUESTIONNAIRE;
    }

    @Nullable
    String getCodeHash() {
        return codeHash;
    }

    @Nullable
    Instant getCodeSentAt() {
        return codeSentAt;
    }

    int getFailedChecks() {
        return failedChecks;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    boolean isUsed() {
        return usedAt != null;
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
