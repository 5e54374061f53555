package org.researchportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.researchportal.base.BaseProperties;
import org.researchportal.exercise.ExerciseProperties;
import org.researchportal.followup.FollowupProperties;
import org.researchportal.identity.IdentityProperties;
import org.researchportal.messaging.MessagingProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The installation's settings are checked when the portal starts: a value it cannot use stops start-up with the
 * property's name, instead of the portal running on a fallback (an unknown sign-in mode used to mean local sign-in).
 */
class SettingsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({BaseProperties.class, IdentityProperties.class, MessagingProperties.class,
            FollowupProperties.class, ExerciseProperties.class})
    static class Settings {}

    private final ApplicationContextRunner settings = new ApplicationContextRunner().withUserConfiguration(
            Settings.class);

    @Test
    void theDefaultsAreTheEmbeddedDefaults() {
        settings.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(IdentityProperties.class).identityProviderOwnsAccounts()).isFalse();
            assertThat(context.getBean(MessagingProperties.class).lease()).isEqualTo(Duration.ofMinutes(2));
            assertThat(context.getBean(MessagingProperties.class).participantLinks().validFor())
                    .isEqualTo(Duration.ofHours(72));
            assertThat(context.getBean(BaseProperties.class).phone().defaultRegion()).isEqualTo("CN");
            assertThat(context.getBean(ExerciseProperties.class).video().maxBytes()).isEqualTo(209_715_200L);
        });
    }

    @Test
    void openIdConnectIsReadUnderItsExistingName() {
        settings.withPropertyValues("portal.auth.mode=oidc").run(context -> assertThat(context.getBean(
                IdentityProperties.class).identityProviderOwnsAccounts()).isTrue());
    }

    @Test
    void wrongValuesStopStartUpNamingTheProperty() {
        settings.withPropertyValues("portal.auth.mode=ldap").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("portal.auth.mode"));
        settings.withPropertyValues("portal.messaging.lease=-PT1M").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("lease"));
        settings.withPropertyValues("portal.messaging.participant-links.valid-for=PT0S").run(context -> assertThat(
                context).getFailure().hasStackTraceContaining("validFor"));
        settings.withPropertyValues("portal.followup.planning.every=-PT6H").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("portal.followup"));
        settings.withPropertyValues("portal.exercise.video.max-bytes=0").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("maxBytes"));
        settings.withPropertyValues("portal.storage.embedded.store=disk").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("must be file or memory"));
        settings.withPropertyValues("portal.phone.default-region=China").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("ISO 3166"));
    }
}
