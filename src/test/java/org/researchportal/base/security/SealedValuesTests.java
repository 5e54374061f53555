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
}
