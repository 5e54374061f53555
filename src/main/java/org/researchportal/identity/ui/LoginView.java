package org.researchportal.identity.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.researchportal.identity.Account;
import org.researchportal.identity.IdentityProperties;
import org.researchportal.identity.SecurityConfiguration;

/**
 * Local sign-in (the embedded default). With OpenID Connect (production) people sign in at the identity provider, and
 * this view only explains a refused sign-in and offers to try again.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public final class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    private final boolean oidc;
    private final Paragraph refusal = new Paragraph();
    /** Shown when a participant's link from a message was used up or ran out: what to do instead. */
    private final Paragraph usedLink = new Paragraph();

    LoginView(IdentityProperties settings) {
        this.oidc = settings.identityProviderOwnsAccounts();
        boolean demo = settings.demo().enabled();
        String demoPassword = settings.demo().password();
        addClassName("login-view");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n());

        var title = new H1(getTranslation("app.name"));
        title.addClassName("login-view__title");
        var card = new Div(title, new Paragraph(getTranslation("login.tagline")));
        card.addClassName("login-view__card");
        usedLink.addClassName("portal-notice");
        usedLink.setVisible(false);
        card.add(usedLink);
        if (oidc) {
            // With OpenID Connect people sign in at the identity provider; this view only explains a refusal.
            refusal.addClassName("portal-notice");
            var again = new Anchor("oauth2/authorization/" + SecurityConfiguration.OIDC_REGISTRATION,
                    getTranslation("login.oidc.sign-in"));
            again.setRouterIgnore(true);
            again.addClassName("big-link");
            card.add(refusal, again);
        } else {
            card.add(login);
        }
        if (demo) {
            var hint = new Paragraph(getTranslation("login.demo-hint", demoPassword));
            hint.addClassName("login-view__demo");
            card.add(hint);
        }
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean error = parameters.containsKey("error");
        boolean linkUsed = parameters.getOrDefault("link", java.util.List.of()).contains("used");
        usedLink.setText(linkUsed ? getTranslation("login.link-used") : "");
        usedLink.setVisible(linkUsed);
        login.setError(error);
        refusal.setText(getTranslation(error ? "login.oidc.refused" : "login.oidc.signed-out"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message", Account.MAX_FAILED_SIGN_INS,
                Account.MAX_WAIT_MINUTES));
        return i18n;
    }
}
