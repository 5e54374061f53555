package org.researchportal.tenancy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.SealedValues;

/**
 * What a tenant archive's signature covers, and the signature itself: an HMAC-SHA256 over each entry's name and the
 * SHA-256 of its bytes, in the order they come, under a key the exporting installation derives from its sealing key.
 * Only an installation holding that key ({@code PORTAL_SECRETS_KEY}, or among {@code PORTAL_SECRETS_PREVIOUS_KEYS})
 * can make or check it, so an archive edited by hand (or made from nothing) is refused.
 */
final class ArchiveSignature {

    /** The last entry of an archive; nothing may follow it. */
    static final String ENTRY = "signature.json";
    private static final String PURPOSE = "tenant archive";

    private final ByteArrayOutputStream covered = new ByteArrayOutputStream();

    /** One entry as written or read: its name and the digest of its bytes (length-prefixed, so names cannot shift). */
    void add(String name, byte[] sha256) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        covered.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        covered.writeBytes(bytes);
        covered.writeBytes(sha256);
    }

    /** The signature entry this installation writes: the key's id and the MAC under it. */
    Document sign(SealedValues sealed) {
        String keyId = sealed.currentKeyId();
        Mac mac = sealed.mac(keyId, PURPOSE).orElseThrow();
        return new Document("keyId", keyId).append("hmacSha256", Base64.getEncoder().encodeToString(
                mac.doFinal(covered.toByteArray())));
    }

    /** The id of the key that signed; refuses an archive that is unsigned, signed by a stranger or changed since. */
    String verify(@Nullable Document signature, SealedValues sealed) {
        if (signature == null || !(signature.get("keyId") instanceof String keyId)
                || !(signature.get("hmacSha256") instanceof String given)) {
            throw ValidationException.of("archive", "tenant.archive.unsigned");
        }
        Mac mac = sealed.mac(keyId, PURPOSE).orElseThrow(() -> ValidationException.of("archive",
                "tenant.archive.unknown-signer"));
        byte[] expected = mac.doFinal(covered.toByteArray());
        byte[] actual;
        try {
            actual = Base64.getDecoder().decode(given);
        } catch (IllegalArgumentException notBase64) {
            throw ValidationException.of("archive", "tenant.archive.signature");
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw ValidationException.of("archive", "tenant.archive.signature");
        }
        return keyId;
    }
}
