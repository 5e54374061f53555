package org.researchportal.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.participants.ParticipantService;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Links in messages: a random token (256 bits) for one participant and one page, valid for 72 hours, revoked when
 * the participant may no longer be contacted. The token says nothing about who or which study it is for.
 */
@Service
public class ParticipantLinks {

    static final Duration VALID_FOR = Duration.ofHours(72);
    static final String PATH = "/l/";

    private final TenantDocuments documents;
    private final Clock clock;
    private final PortalAddress portal;
    private final ParticipantService participants;
    private final SecureRandom random = new SecureRandom();

    ParticipantLinks(TenantDocuments documents, Clock clock, PortalAddress portal, ParticipantService participants) {
        this.documents = documents;
        this.clock = clock;
        this.portal = portal;
        this.participants = participants;
    }

    /**
     * A new link for the participant to the page, valid for 72 hours from when the message goes out; answers the
     * full URL to put in the message.
     */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public String issue(String participantId, ParticipantLink.Target target, java.time.Instant sentAt) {
        return issue(participantId, target, null, sentAt);
    }

    /** The same, opening the page at one exercise. */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public String issue(String participantId, ParticipantLink.Target target, @Nullable String focus,
            java.time.Instant sentAt) {
        // A link only for a participant of this tenant: no dangling link to an id nobody has.
        participants.contact(participantId).orElseThrow(() -> new NotFoundException("Participant", participantId));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        java.time.Instant from = sentAt.isAfter(clock.instant()) ? sentAt : clock.instant();
        documents.insert(new ParticipantLink(hash(token), participantId, target, focus, from.plus(VALID_FOR)));
        return portal.base() + PATH + token;
    }

    /** Revokes every link of the participant (withdrawal, consent ended); answers how many. */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public long revokeAll(String participantId) {
        long revoked = 0;
        for (ParticipantLink link : documents.find(Query.query(Criteria.where("participantId").is(participantId)
                .and("revokedAt").isNull()), ParticipantLink.class)) {
            revoked += documents.updateFirst(Query.query(Criteria.where("_id").is(link.requireId())),
                    new Update().set("revokedAt", clock.instant()), ParticipantLink.class);
        }
        return revoked;
    }

    /** The link of a token in the current tenant, if it is still usable; counts its use. */
    Optional<ParticipantLink> use(String token) {
        return documents.findOne(Query.query(Criteria.where("tokenHash").is(hash(token))), ParticipantLink.class)
                .filter(link -> link.usableAt(clock.instant())).map(link -> {
                    documents.updateFirst(Query.query(Criteria.where("_id").is(link.requireId())),
                            new Update().inc("uses", 1), ParticipantLink.class);
                    return link;
                });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
