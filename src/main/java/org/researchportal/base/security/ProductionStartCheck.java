package org.researchportal.base.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Production refuses to start with anything of the demo left on: an environment variable such as
 * {@code PORTAL_DEMO_ENABLED=true} would otherwise override application-prod.yml and seed accounts whose password is
 * printed in the README. (A missing secrets or lookup key stops start-up in {@link SealedValues}.)
 */
@Component
@Profile("prod")
class ProductionStartCheck {

    ProductionStartCheck(Environment environment) {
        List<String> refused = refusals(environment);
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Production does not start: " + String.join("; ", refused));
        }
    }

    static List<String> refusals(Environment environment) {
        List<String> refused = new ArrayList<>();
        if (environment.getProperty("portal.demo.enabled", Boolean.class, false)) {
            refused.add("the demo seed is enabled (portal.demo.enabled)");
        }
        if (!environment.getProperty("portal.demo.password", "").isBlank()) {
            refused.add("a demo password is set (portal.demo.password)");
        }
        if (environment.getProperty("portal.api.token-import", Boolean.class, false)) {
            refused.add("printed API tokens may be imported (portal.api.token-import)");
        }
        if (!"oidc".equals(environment.getProperty("portal.auth.mode"))) {
            refused.add("sign-in is not through the identity provider (portal.auth.mode must be oidc)");
        }
        return refused;
    }
}
