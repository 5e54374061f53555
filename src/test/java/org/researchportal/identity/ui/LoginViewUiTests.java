package org.researchportal.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;

/** Before sign-in the portal speaks the browser's language (here English) and, in the demo, names the accounts. */
class LoginViewUiTests extends UiTest {

    @Test
    void anEnglishBrowserGetsTheEnglishSignInWithTheDemoHint() {
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo(Locale.ENGLISH.getLanguage());
        UI.getCurrent().navigate("login");
        assertThat(_get(LoginForm.class).isVisible()).isTrue();
        assertThat(viewText()).contains("Research Portal", "Exercise-intervention trials");
        assertThat(viewText()).contains("Demo mode", "fudan.clinician", PASSWORD);
    }

    @Test
    void aParticipantWhoseLinkIsUsedUpIsToldToSignInOrAskForANewOneInTheirLanguage() {
        UI.getCurrent().navigate("login", QueryParameters.of("link", "used"));
        assertThat(_get(LoginForm.class).isVisible()).isTrue();
        assertThat(viewText()).contains("This link has already been used or is no longer valid",
                "ask your study coordinator to send you a new link");

        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("login");
        assertThat(viewText()).doesNotContain("此链接已被使用");
        UI.getCurrent().navigate("login", QueryParameters.of("link", "used"));
        assertThat(viewText()).contains("此链接已被使用或已失效", "请研究协调员给您发送新的链接");
    }
}
