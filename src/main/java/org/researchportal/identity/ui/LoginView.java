package org.researchportal.identity.ui;

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
import org.springframework.beans.factory.annotation.Value;

/** Local sign-in (the embedded default). Production signs in through OpenID Connect and never shows this view. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public final class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    LoginView(@Value("${portal.demo.enabled:false}") boolean demo,
            @Value("${portal.demo.password:}") String demoPassword) {
        addClassName("login-view");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n());

        var title = new H1(getTranslation("app.name"));
        title.addClassName("login-view__title");
        var card = new Div(title, new Paragraph(getTranslation("login.tagline")), login);
        card.addClassName("login-view__card");
        if (demo) {
            var hint = new Paragraph(getTranslation("login.demo-hint", demoPassword));
            hint.addClassName("login-view__demo");
            card.add(hint);
        }
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
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
        error.setMessage(getTranslation("login.error.message", Account.MAX_FAILED_SIGN_INS, Account.LOCK_MINUTES));
        return i18n;
    }
}
