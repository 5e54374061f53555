package org.researchportal.base.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals small values stored in the database that nobody may read there: the randomisation sequence ahead of use, and
 * later the messaging providers' credentials. AES-256-GCM with the key from {@code PORTAL_SECRETS_KEY} (base64 of 32
 * bytes). The embedded default makes a key once and keeps it beside its data; elsewhere a missing key stops start-up.
 */
@Component
public class SealedValues {

    private static final Logger log = LoggerFactory.getLogger(SealedValues.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SealedValues(@Value("${portal.secrets.key:}") String configuredKey,
            @Value("${portal.secrets.key-file:}") String keyFile) {
        this.key = new SecretKeySpec(keyBytes(configuredKey, keyFile), "AES");
    }

    public String seal(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a value", e);
        }
    }

    public String open(String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A sealed value does not open with this key", e);
        }
    }

    private byte[] keyBytes(String configuredKey, String keyFile) {
        if (!configuredKey.isBlank()) {
            return checked(Base64.getDecoder().decode(configuredKey.trim()), "PORTAL_SECRETS_KEY");
        }
        if (keyFile.isBlank()) {
            throw new IllegalStateException("PORTAL_SECRETS_KEY is not set: give it base64 of 32 random bytes"
                    + " (openssl rand -base64 32)");
        }
        Path path = Path.of(keyFile).toAbsolutePath();
        try {
            if (Files.exists(path)) {
                return checked(Base64.getDecoder().decode(Files.readString(path).trim()), path.toString());
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

    private static byte[] checked(byte[] key, String source) {
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be base64 of exactly 32 bytes, not " + key.length);
        }
        return key;
    }
}
