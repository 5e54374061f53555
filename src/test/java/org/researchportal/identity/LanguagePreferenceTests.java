package org.researchportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.LanguageChosen;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalPrincipal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** A language chosen in the layout is kept on the account and applies at the next sign-in. */
class LanguagePreferenceTests extends PortalTest {

    @Autowired
    ApplicationEventPublisher events;

    private Locale signedInLocale(String username) {
        return ((PortalPrincipal) signIn(username).getPrincipal()).portalUser().locale();
    }

    @Test
    void theChosenLanguageSticksToTheAccount() {
        assertThat(signedInLocale("fudan.therapist")).isEqualTo(Locale.ENGLISH);
        events.publishEvent(new LanguageChosen(PortalLocales.SIMPLIFIED_CHINESE));
        assertThat(signedInLocale("fudan.therapist")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        events.publishEvent(new LanguageChosen(Locale.ENGLISH));
        assertThat(signedInLocale("fudan.therapist")).isEqualTo(Locale.ENGLISH);
    }
}
