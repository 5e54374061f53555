package org.researchportal.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalUser;
import org.researchportal.identity.ReauthenticationRecord.Status;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in person proves again who they are before an electronic signature, and the signature gets a
 * {@link SigningProof} of it, once.
 * <p>
 * Local sign-in: the password goes through the same authentication manager as the sign-in form, so a wrong one is
 * counted by {@link SignInThrottle} exactly like a failed sign-in (five from one place and that place waits) and a
 * locked or deactivated account cannot sign. The result is never put in the session: the person stays signed in as
 * they were. OpenID Connect: the signing is kept here, the browser goes to the identity provider with
 * {@code prompt=login} and {@code max_age=0} and comes back to the signing callback (not the sign-in's), which checks
 * the provider's answer and marks the signing re-authenticated; the page the person came from then consumes it.
 * <p>
 * 21 CFR 11.200(a)(1): the first signing in a session asks for both components, the username and the password; later
 * signings in the same session ask for the password alone. A new session (signing in again, the session running out,
 * an ended session) asks for both again. With an identity provider the username is typed into the portal before the
 * provider asks for the password, the stricter reading of a pre-filled username there. Without a session (an
 * in-process call) both are always asked.
 */
@Component
public class Reauthentications {

    /** How long a signing may wait for its re-authentication at the identity provider. */
    static final Duration VALID_FOR = Duration.ofMinutes(10);
    /** Clock difference tolerated between the portal and the identity provider for {@code auth_time}. */
    static final Duration SKEW = Duration.ofSeconds(30);
    static final String START = "/signing/";
    static final String START_SUFFIX = "/reauth";
    /** Query parameter with which the callback hands the signing back to the page that asked. */
    public static final String RETURN_PARAMETER = "signing";
    /** Its value when the re-authentication failed or was cancelled. */
    public static final String FAILED = "failed";
    private static final String IDENTIFIED = Reauthentications.class.getName() + ".identified";
    private static final String AUDIT_ENTITY = "Account";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantDocuments documents;
    private final IdentityProperties settings;
    private final AuthenticationConfiguration authentication;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;

    Reauthentications(TenantDocuments documents, IdentityProperties settings,
            AuthenticationConfiguration authentication,
            SignInThrottle throttle, AuditTrail audit, Clock clock) {
        this.documents = documents;
        this.settings = settings;
        this.authentication = authentication;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether signing goes to the identity provider ({@link #begin}) rather than a password typed here. */
    public boolean throughIdentityProvider() {
        return settings.identityProviderOwnsAccounts();
    }

    /** Whether the next signing must give the username as well: the first one of this session. */
    @Secured(Authorities.CLINICIAN)
    public boolean asksForUsername() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null || !CurrentUser.require().accountId()
                .equals(request.getAttribute(IDENTIFIED, RequestAttributes.SCOPE_SESSION));
    }

    /**
     * Local sign-in: checks the signed-in person's password (and username, when {@link #asksForUsername()}) and
     * answers the proof. Refuses with a {@link ValidationException} at the field: {@code password}
     * ({@code signing.password.wrong}, {@code signing.password.wait} when this place must wait,
     * {@code signing.account.refused}) or {@code username} ({@code signing.username.required},
     * {@code signing.username.wrong}). Every refusal but a missing username counts as a failed sign-in.
     */
    @Secured(Authorities.CLINICIAN)
    public SigningProof confirmPassword(String purpose, @Nullable String username, String password) {
        if (throughIdentityProvider()) {
            throw new IllegalStateException("The identity provider checks passwords in this mode");
        }
        PortalUser user = CurrentUser.require();
        boolean full = requireUsername(user, username);
        if (full && !normalised(username).equals(user.username())) {
            // Someone else's username at this desk: counted like a wrong password, against the signed-in account.
            throttle.reserve(user.username(), clientAddress(), clock.instant());
            refuse(user, "username-wrong");
            throw ValidationException.of("username", "signing.username.wrong");
        }
        var probe = UsernamePasswordAuthenticationToken.unauthenticated(user.username(), password);
        probe.setDetails(SIGNING);
        Authentication result;
        try {
            result = authentication.getAuthenticationManager().authenticate(probe);
        } catch (LockedException wait) {
            refuse(user, "must-wait");
            throw ValidationException.of("password", "signing.password.wait");
        } catch (BadCredentialsException wrong) {
            refuse(user, "password-wrong");
            throw ValidationException.of("password", "signing.password.wrong");
        } catch (AccountStatusException refused) {
            refuse(user, "account-refused");
            throw ValidationException.of("password", "signing.account.refused");
        } catch (Exception e) {
            throw new IllegalStateException("The authentication manager failed", e);
        }
        if (!(result.getPrincipal() instanceof LocalAccountPrincipal principal)
                || !principal.portalUser().accountId().equals(user.accountId())) {
            throw new IllegalStateException("Re-authentication answered another account");
        }
        if (full) {
            markIdentified(user);
        }
        return new SigningProof(user.accountId(), user.username(), user.displayName(),
                SigningProof.Method.LOCAL_PASSWORD, clock.instant(), full, purpose, null, null);
    }

    /**
     * OpenID Connect: keeps a signing that waits for the person to re-authenticate at the identity provider and
     * answers the portal path that starts it (a full page navigation). {@code returnPath} is the portal location to
     * come back to; the callback adds {@code ?signing=<reference>} (or {@code ?signing=failed}).
     */
    @Secured(Authorities.CLINICIAN)
    public String begin(String purpose, @Nullable String username, String returnPath) {
        if (!throughIdentityProvider()) {
            throw new IllegalStateException("Local sign-in checks the password in the portal");
        }
        PortalUser user = CurrentUser.require();
        boolean full = requireUsername(user, username);
        if (full && !normalised(username).equals(user.username())) {
            refuse(user, "username-wrong");
            throw ValidationException.of("username", "signing.username.wrong");
        }
        String subject = SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof PortalOidcUser oidc
                        ? oidc.getSubject() : null;
        if (subject == null) {
            throw new IllegalStateException("Not signed in through the identity provider");
        }
        Instant now = clock.instant();
        var record = documents.insert(new ReauthenticationRecord(newKey(), user.accountId(), user.username(),
                user.displayName(), subject, purpose, safePath(returnPath), full, now, now.plus(VALID_FOR),
                Status.REQUESTED));
        documents.remove(Query.query(Criteria.where("expiresAt").lt(now.minus(Duration.ofDays(1)))),
                ReauthenticationRecord.class);
        return START + record.getKey() + START_SUFFIX;
    }

    /**
     * The proof of a re-authentication at the identity provider, once: the signing must be the signed-in person's,
     * re-authenticated and not yet used or run out. Empty otherwise (and for every later call). The caller checks that
     * the proof's purpose is what it is about to sign.
     */
    @Secured(Authorities.CLINICIAN)
    public Optional<SigningProof> consume(String reference) {
        PortalUser user = CurrentUser.require();
        Instant now = clock.instant();
        var used = documents.findAndModify(Query.query(Criteria.where("key").is(reference).and("accountId")
                .is(user.accountId()).and("status").is(Status.REAUTHENTICATED)
                .and("expiresAt").gt(now)), new Update().set("status", Status.USED),
                FindAndModifyOptions.options().returnNew(false), ReauthenticationRecord.class);
        if (used == null || used.getAuthTime() == null) {
            return Optional.empty();
        }
        return Optional.of(new SigningProof(used.getAccountId(), used.getUsername(), used.getDisplayName(),
                SigningProof.Method.IDENTITY_PROVIDER, Objects.requireNonNull(used.getAuthTime()),
                used.isUsernameTyped(), used.getPurpose(), used.getSubject(), used.getAcr()));
    }

    /** A signing of the signed-in person that still waits to be sent to the identity provider. */
    Optional<ReauthenticationRecord> awaiting(String reference) {
        return CurrentUser.get().flatMap(user -> documents.findOne(Query.query(Criteria.where("key").is(reference)
                .and("accountId").is(user.accountId()).and("status").is(Status.REQUESTED)
                .and("expiresAt").gt(clock.instant())), ReauthenticationRecord.class));
    }

    /** Ties the signing to the authorization request sent for it (the nonce the ID token must carry). */
    void sent(String reference, String nonce) {
        documents.updateFirst(Query.query(Criteria.where("key").is(reference).and("status").is(Status.REQUESTED)),
                new Update().set("nonceHash", nonce), ReauthenticationRecord.class);
    }

    /**
     * The identity provider's verified ID token for the signing: checked against the signing (same person, this
     * request, a password entered after the signing was asked) and, if it passes, the signing is re-authenticated,
     * once. Answers where the browser goes next.
     */
    String answered(String reference, OidcIdToken token) {
        Instant now = clock.instant();
        var record = documents.findOne(Query.query(Criteria.where("key").is(reference)),
                ReauthenticationRecord.class);
        if (record.isEmpty()) {
            return "/?" + RETURN_PARAMETER + "=" + FAILED;
        }
        Optional<String> refusal = refusal(record.get(), token, now);
        String back = record.get().getReturnPath() + "?" + RETURN_PARAMETER + "=";
        var moved = refusal.isPresent() ? 0 : documents.updateFirst(Query.query(Criteria.where("key").is(reference)
                .and("status").is(Status.REQUESTED)), new Update().set("status", Status.REAUTHENTICATED)
                        .set("authTime", token.getAuthenticatedAt()).set("acr", token.getAuthenticationContextClass()),
                ReauthenticationRecord.class);
        if (moved == 0) {
            failed(reference, refusal.orElse("not-pending"));
            return back + FAILED;
        }
        if (record.get().isUsernameTyped()) {
            CurrentUser.get().ifPresent(this::markIdentified);
        }
        return back + reference;
    }

    /** The re-authentication did not come back usable (cancelled, refused, invalid): the signing ends here. */
    String failed(String reference, String why) {
        var record = documents.findAndModify(Query.query(Criteria.where("key").is(reference).and("status")
                .is(Status.REQUESTED)), new Update().set("status", Status.REFUSED).set("refusal", why),
                FindAndModifyOptions.options().returnNew(true), ReauthenticationRecord.class);
        CurrentUser.get().ifPresent(user -> refuse(user, why));
        return (record == null ? "/" : record.getReturnPath()) + "?" + RETURN_PARAMETER + "=" + FAILED;
    }

    /**
     * Why an ID token does not prove this signing's re-authentication, or empty when it does. Its signature, issuer,
     * audience, expiry and nonce were verified by Spring Security's code exchange before this.
     */
    static Optional<String> refusal(ReauthenticationRecord signing, OidcIdToken token, Instant now) {
        if (signing.getStatus() != Status.REQUESTED) {
            return Optional.of("not-pending");
        }
        if (!now.isBefore(signing.getExpiresAt())) {
            return Optional.of("expired");
        }
        if (!Objects.equals(signing.getSubject(), token.getSubject())) {
            // "Restart login" at the provider lets another person sign in there; they do not sign as this one.
            return Optional.of("another-person");
        }
        if (signing.getNonceHash() == null || !signing.getNonceHash().equals(token.getNonce())) {
            return Optional.of("another-request");
        }
        Instant authTime = token.getAuthenticatedAt();
        if (authTime == null) {
            return Optional.of("no-auth-time");
        }
        Instant asked = signing.getRequestedAt().truncatedTo(ChronoUnit.SECONDS);
        if (authTime.isBefore(asked.minus(SKEW)) || authTime.isAfter(now.plus(SKEW))) {
            return Optional.of("stale-authentication");
        }
        if ("0".equals(token.getAuthenticationContextClass())) {
            // Keycloak's mark for a session cookie re-used instead of a password entered.
            return Optional.of("no-password-entered");
        }
        return Optional.empty();
    }

    private boolean requireUsername(PortalUser user, @Nullable String username) {
        boolean given = username != null && !username.isBlank();
        if (!given && asksForUsername()) {
            throw ValidationException.of("username", "signing.username.required");
        }
        return given;
    }

    private void refuse(PortalUser user, String why) {
        // 21 CFR 11.300(d): attempts at a signature that fail are kept where they can be reviewed.
        audit.record("signing.reauthentication-refused", AUDIT_ENTITY, user.accountId(), null,
                Map.of("username", user.username(), "reason", why), null);
    }

    private void markIdentified(PortalUser user) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(IDENTIFIED, user.accountId(), RequestAttributes.SCOPE_SESSION);
        }
    }

    private static String normalised(@Nullable String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /** A portal path to come back to: never another site, never a path that leaves the portal's routes. */
    static String safePath(String location) {
        String path = location.strip();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path.matches("[A-Za-z0-9_./-]{0,300}") && !path.contains("..") ? "/" + path : "/";
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static @Nullable String clientAddress() {
        return RequestContextHolder
                .getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes request
                        ? request.getRequest().getRemoteAddr() : null;
    }

    /** Marks a password check made for a signing, so it is not taken for a sign-in. */
    static final Object SIGNING = new Object() {
        @Override
        public String toString() {
            return "signing";
        }
    };
}
