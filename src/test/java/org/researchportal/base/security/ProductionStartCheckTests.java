package org.researchportal.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Production's own settings pass; any demo setting put back through the environment stops start-up. */
class ProductionStartCheckTests {

    private static MockEnvironment production() {
        // As application-prod.yml sets them.
        return new MockEnvironment().withProperty("portal.demo.enabled", "false").withProperty("portal.demo.password",
                "").withProperty("portal.api.token-import", "false").withProperty("portal.auth.mode", "oidc");
    }

    @Test
    void productionSettingsStart() {
        assertThat(ProductionStartCheck.refusals(production())).isEmpty();
        new ProductionStartCheck(production());
    }

    @Test
    void demoSettingsFromTheEnvironmentStopStartUp() {
        MockEnvironment demo = production().withProperty("portal.demo.enabled", "true")
                .withProperty("portal.demo.password", "demo-password").withProperty("portal.auth.mode", "local");
        assertThat(ProductionStartCheck.refusals(demo)).hasSize(3);
        assertThatThrownBy(() -> new ProductionStartCheck(demo)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo seed is enabled").hasMessageContaining("demo password is set")
                .hasMessageContaining("portal.auth.mode must be oidc");
        assertThat(ProductionStartCheck.refusals(production().withProperty("portal.api.token-import", "true")))
                .singleElement().asString().contains("API tokens");
    }
}
