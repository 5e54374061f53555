package org.researchportal.base.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.BaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Seals values nobody may read in the database: personal data (names, phone numbers, email addresses, message
 * texts, audit snapshots), the randomisation sequence ahead of use and the messaging providers' credentials.
 * AES-256-GCM with the key from {@code PORTAL_SECRETS_KEY} (base64 of 32 bytes).
 *
 * <p>Each sealed value names its key by a fingerprint ({@code sv1:<key id>:<base64>}), so keys can rotate: the new
 * key goes in {@code PORTAL_SECRETS_KEY}, the old ones in {@code PORTAL_SECRETS_PREVIOUS_KEYS}, and both open. Values
 * that must be found by equality (a phone number an SMS came from) are stored as a keyed hash from
 * {@code PORTAL_LOOKUP_KEY}, which does not rotate with the sealing key. The embedded default makes its key once and
 * keeps it beside its data; elsewhere a missing key stops start-up.
 */
@Component
public class SealedValues {

    private static final Logger log = LoggerFactory.getLogger(SealedValues.class);
    private static final String PREFIX = "sv1:";
    private static final java.util.regex.Pattern SEALED = java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(PREFIX) + "([0-9a-f]{8}):");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    /** Every key that opens, by id; the first is the current one, which seals. */
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecretKeySpec lookupKey;
    private final SecureRandom random = new SecureRandom();

    /** The current key alone, which also keys the lookups (tests of sealing only). */
    SealedValues(String configuredKey, String keyFile) {
        this(configuredKey, "", configuredKey, keyFile);
    }

    @Autowired
    SealedValues(BaseProperties settings) {
        this(settings.secrets().key(), settings.secrets().previousKeys(), settings.secrets().lookupKey(),
                settings.secrets().keyFile());
    }

    SealedValues(String configuredKey, String previousKeys, String configuredLookupKey, String keyFile) {
        byte[] current = keyBytes(configuredKey, keyFile);
        this.currentId = keyId(current);
        keys.put(currentId, new SecretKeySpec(current, "AES"));
        for (String previous : previousKeys.split(",")) {
            if (!previous.isBlank()) {
                byte[] old = checked(decode(previous, "PORTAL_SECRETS_PREVIOUS_KEYS"), "PORTAL_SECRETS_PREVIOUS_KEYS");
                keys.putIfAbsent(keyId(old), new SecretKeySpec(old, "AES"));
            }
        }
        byte[] lookup;
        if (!configuredLookupKey.isBlank()) {
            lookup = checked(decode(configuredLookupKey, "PORTAL_LOOKUP_KEY"), "PORTAL_LOOKUP_KEY");
        } else if (configuredKey.isBlank()) {
            // The embedded default, whose key lives in its file: derived from it, stable as long as the key is.
            lookup = hmac(current, "research-portal lookup key".getBytes(StandardCharsets.UTF_8));
        } else {
            throw new IllegalStateException("PORTAL_LOOKUP_KEY is not set: give it base64 of 32 random bytes"
                    + " (openssl rand -base64 32); it must never change once data is stored");
        }
        this.lookupKey = new SecretKeySpec(lookup, "HmacSHA256");
    }

    public String seal(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a value", e);
        }
    }

    /** Opens a sealed value with the key it names (a value sealed before key ids opens with the current key). */
    public String open(String sealed) {
        SecretKeySpec key = keys.get(currentId);
        String body = sealed;
        if (sealed.startsWith(PREFIX)) {
            int colon = sealed.indexOf(':', PREFIX.length());
            String id = colon < 0 ? "" : sealed.substring(PREFIX.length(), colon);
            key = keys.get(id);
            if (key == null) {
                throw new IllegalStateException("A sealed value names key " + id + ", which is not configured"
                        + " (PORTAL_SECRETS_PREVIOUS_KEYS keeps retired keys)");
            }
            body = sealed.substring(colon + 1);
        }
        try {
            byte[] in = Base64.getDecoder().decode(body);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A sealed value does not open with its key", e);
        }
    }

    /** A stored text opened if it is a sealed value; one written before sealing began, as it is. */
    public String openIfSealed(String stored) {
        return isSealed(stored) ? open(stored) : stored;
    }

    /** The ids of the keys that sealed the values in this text (a stored document, say). */
    public static java.util.Set<String> keyIdsIn(String text) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        java.util.regex.Matcher sealedValue = SEALED.matcher(text);
        while (sealedValue.find()) {
            ids.add(sealedValue.group(1));
        }
        return ids;
    }

    /** Whether a stored text is a sealed value (as opposed to one written before sealing began). */
    public static boolean isSealed(@Nullable Object value) {
        return value instanceof String text && text.startsWith(PREFIX);
    }

    /** Whether this value was sealed with a key other than the current one (it is sealed again when next saved). */
    public boolean sealedWithOldKey(String sealed) {
        return isSealed(sealed) && !sealed.startsWith(PREFIX + currentId + ":");
    }

    /**
     * A keyed hash of a value, for finding documents by it without storing it: equal values give equal hashes, and
     * without the lookup key nobody can test a guess against the database.
     */
    public String lookup(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(lookupKey.getEncoded(),
                value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether values sealed with each of these keys (by id) open here. */
    public boolean opensAll(java.util.Collection<String> keyIds) {
        return keys.keySet().containsAll(keyIds);
    }

    /** The id of the key that seals now, which also names the key of what this installation signs. */
    public String currentKeyId() {
        return currentId;
    }

    /**
     * An HMAC-SHA256 for signing or checking what an installation hands out (a tenant archive, say), keyed by a key
     * derived for that one purpose from the sealing key with this id: the same secret, never reused as it is, and
     * rotating with it. Empty when this installation does not hold that key.
     */
    public java.util.Optional<Mac> mac(String keyId, String purpose) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            return java.util.Optional.empty();
        }
        byte[] derived = hmac(key.getEncoded(), ("research-portal signing key: " + purpose)
                .getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derived, "HmacSHA256"));
            return java.util.Optional.of(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> keyIds() {
        return new ArrayList<>(keys.keySet());
    }

    /** A key's id: the start of its SHA-256, which names it without revealing it. */
    private static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] keyBytes(String configuredKey, String keyFile) {
        if (!configuredKey.isBlank()) {
            return checked(decode(configuredKey, "PORTAL_SECRETS_KEY"), "PORTAL_SECRETS_KEY");
        }
        if (keyFile.isBlank()) {
            throw new IllegalStateException("PORTAL_SECRETS_KEY is not set: give it base64 of 32 random bytes"
                    + " (openssl rand -base64 32)");
        }
        Path path = Path.of(keyFile).toAbsolutePath();
        try {
            if (Files.exists(path)) {
                return checked(decode(Files.readString(path), path.toString()), path.toString());
            }
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            Files.createDirectories(path.getParent());
            Files.writeString(path, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.debug("No POSIX permissions for {}", path);
            }
            log.info("Made a secrets key for the embedded default in {}", path);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the secrets key file " + path, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64", e);
        }
    }

    private static byte[] checked(byte[] key, String source) {
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be base64 of exactly 32 bytes, not " + key.length);
        }
        return key;
    }
}
