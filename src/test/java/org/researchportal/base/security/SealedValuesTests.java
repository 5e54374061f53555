package org.researchportal.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Production refuses to start without a proper key (it has no key file to fall back on), and what is sealed opens
 * only with the key that sealed it.
 */
class SealedValuesTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void withoutAKeyOrWithAShortOneThePortalDoesNotStart() {
        assertThatThrownBy(() -> new SealedValues("", "")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PORTAL_SECRETS_KEY is not set");
        assertThatThrownBy(() -> new SealedValues(Base64.getEncoder().encodeToString(new byte[16]), ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exactly 32 bytes");
    }

    @Test
    void aSealedValueOpensOnlyWithItsKey() {
        var sealed = new SealedValues(KEY, "").seal("the auth token");
        assertThat(sealed).doesNotContain("auth token");
        assertThat(new SealedValues(KEY, "").open(sealed)).isEqualTo("the auth token");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new SealedValues(Base64.getEncoder().encodeToString(other), "").open(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void productionDoesNotStartWithoutALookupKey() {
        assertThatThrownBy(() -> new SealedValues(KEY, "", "", "")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PORTAL_LOOKUP_KEY is not set");
    }

    @Test
    void aValueNamesItsKeySoKeysCanRotate() {
        String oldKey = KEY;
        byte[] fresh = new byte[32];
        fresh[31] = 7;
        String newKey = Base64.getEncoder().encodeToString(fresh);
        String lookupKey = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        var before = new SealedValues(oldKey, "", lookupKey, "");
        String sealedBefore = before.seal("+8613800000008");
        assertThat(sealedBefore).startsWith("sv1:" + before.keyIds().getFirst() + ":").doesNotContain("138");

        var rotated = new SealedValues(newKey, oldKey, lookupKey, "");
        assertThat(rotated.keyIds()).hasSize(2).doesNotHaveDuplicates();
        assertThat(rotated.open(sealedBefore)).isEqualTo("+8613800000008");
        assertThat(rotated.sealedWithOldKey(sealedBefore)).isTrue();
        String sealedAfter = rotated.seal("+8613800000008");
        assertThat(rotated.sealedWithOldKey(sealedAfter)).isFalse();
        assertThat(sealedAfter).isNotEqualTo(sealedBefore);

        // Once the old key is dropped, what it sealed says which key it needs instead of opening to garbage.
        var withoutOldKey = new SealedValues(newKey, "", lookupKey, "");
        assertThatThrownBy(() -> withoutOldKey.open(sealedBefore)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(before.keyIds().getFirst()).hasMessageContaining("PORTAL_SECRETS_PREVIOUS_KEYS");

        // The lookup hash does not move with the sealing key, so stored hashes still find their documents.
        assertThat(rotated.lookup("+8613800000008")).isEqualTo(before.lookup("+8613800000008"))
                .isNotEqualTo(rotated.lookup("+8613800000009")).doesNotContain("138");
        assertThat(new SealedValues(newKey, "", newKey, "").lookup("+8613800000008"))
                .isNotEqualTo(before.lookup("+8613800000008"));
    }

    @Test
    void aValueSealedBeforeKeyIdsStillOpens() throws Exception {
        // The format before key ids: base64(iv + ciphertext) with the one key.
        byte[] iv = new byte[12];
        var cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(new byte[32], "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, iv));
        byte[] body = cipher.doFinal("legacy".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] all = new byte[12 + body.length];
        System.arraycopy(body, 0, all, 12, body.length);
        assertThat(new SealedValues(KEY, "").open(Base64.getEncoder().encodeToString(all))).isEqualTo("legacy");
    }
}
