package org.researchportal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalLocales;
import org.springframework.beans.factory.annotation.Autowired;

/** Vaadin is offered both languages, and English stays English whatever the server's own default locale is. */
class PortalTranslationsTests extends PortalTest {

    @Autowired
    I18NProvider translations;

    @Test
    void offersEnglishFirstAndSimplifiedChinese() {
        assertThat(translations.getProvidedLocales()).containsExactly(PortalLocales.ENGLISH,
                PortalLocales.SIMPLIFIED_CHINESE);
    }

    @Test
    void englishTextsDoNotFallBackToTheServersChineseDefault() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(translations.getTranslation("login.title", Locale.ENGLISH)).isEqualTo("Sign in");
            assertThat(translations.getTranslation("login.title", Locale.US)).isEqualTo("Sign in");
            assertThat(translations.getTranslation("login.title", Locale.SIMPLIFIED_CHINESE)).isEqualTo("登录");
        } finally {
            Locale.setDefault(previous);
        }
    }
}
