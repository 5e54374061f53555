package org.researchportal.messaging.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.messaging.IdentityChecks;
import org.researchportal.messaging.PendingCheck;

/**
 * Where a questionnaire link opened on a device not signed in as its participant asks who is answering: a code sent to
 * her phone or her year of birth, in her language (she may switch it). Nobody is signed in here; without a pending
 * check that still names a usable link of hers, it is the sign-in page, saying nothing.
 */
@Route(value = PendingCheck.PAGE, autoLayout = false)
@AnonymousAllowed
final class IdentityCheckView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** The link whose participant's language the page was last set to, so her own switch is kept afterwards. */
    private static final String LANGUAGE_SET_FOR = IdentityCheckView.class.getName() + ".languageSetFor";

    private final IdentityChecks checks;
    private final Div card = new Div();
    private @Nullable PendingCheck pending;
    private IdentityChecks.@Nullable Question question;

    IdentityCheckView(IdentityChecks checks) {
        this.checks = checks;
        addClassName("login-view");
        card.addClassName("login-view__card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        pending = VaadinSession.getCurrent().getSession().getAttribute(
                PendingCheck.SESSION_KEY) instanceof PendingCheck found ? found : null;
        Optional<IdentityChecks.Question> asked = pending == null ? Optional.empty() : checks.question(pending);
        if (asked.isEmpty()) {
            forget();
            event.forwardTo("login");
            return;
        }
        question = asked.get();
        var session = VaadinSession.getCurrent();
        if (!pending.linkId().equals(session.getAttribute(LANGUAGE_SET_FOR))) {
            session.setAttribute(LANGUAGE_SET_FOR, pending.linkId());
            switchTo(PortalLocales.fromTag(question.language()));
        } else {
            show();
        }
    }

    private void switchTo(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
        show();
    }

    private void show() {
        card.removeAll();
        var languages = new Div();
        languages.addClassName("identity-check__languages");
        for (Locale locale : PortalLocales.SUPPORTED) {
            var choose = new Button(getTranslation("language." + locale.toLanguageTag()), e -> switchTo(locale));
            choose.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            choose.setEnabled(!locale.equals(PortalLocales.fromTag(getLocale().toLanguageTag())));
            languages.add(choose);
        }
        card.add(languages, new H1(getTranslation("identity-check.title")));
        IdentityChecks.Question asked = java.util.Objects.requireNonNull(question);
        switch (asked.way()) {
            case SMS_CODE -> askCode(asked);
            case BIRTH_YEAR -> askYear();
            case NONE -> card.add(new Paragraph(getTranslation("identity-check.none")), signIn());
        }
    }

    private void askCode(IdentityChecks.Question asked) {
        var sent = new Paragraph(getTranslation("identity-check.code.sent", asked.phoneEnding()));
        var code = new TextField(getTranslation("identity-check.code"));
        code.setMaxLength(6);
        code.setAllowedCharPattern("[0-9]");
        code.getElement().setAttribute("inputmode", "numeric");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        var again = new Button(getTranslation("identity-check.code.new"), e -> {
            var resend = checks.sendNewCode(java.util.Objects.requireNonNull(pending));
            switch (resend) {
                case SENT -> sent.setText(getTranslation("identity-check.code.new-sent", asked.phoneEnding()));
                case TOO_SOON -> sent.setText(getTranslation("identity-check.code.too-soon",
                        IdentityChecks.NEW_CODE_AFTER.toSeconds()));
                case GONE -> gone();
            }
        });
        again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        card.add(sent, code, submit(code, "identity-check.code.wrong"), again);
        code.focus();
    }

    private void askYear() {
        var year = new TextField(getTranslation("identity-check.year"));
        year.setMaxLength(4);
        year.setAllowedCharPattern("[0-9]");
        year.getElement().setAttribute("inputmode", "numeric");
        card.add(new Paragraph(getTranslation("identity-check.year.intro")), year,
                submit(year, "identity-check.year.wrong"));
        year.focus();
    }

    private Button submit(TextField field, String wrongKey) {
        field.addClassName("identity-check__answer");
        field.setWidthFull();
        var go = new Button(getTranslation("identity-check.continue"), e -> answer(field, wrongKey));
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        go.addClickShortcut(Key.ENTER);
        go.setWidthFull();
        return go;
    }

    private void answer(TextField field, String wrongKey) {
        var outcome = checks.answer(java.util.Objects.requireNonNull(pending), field.getValue(),
                VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse());
        switch (outcome.result()) {
            case PASSED -> {
                forget();
                // A whole new page: it runs as her, now signed in on this device.
                UI.getCurrent().getPage().setLocation(java.util.Objects.requireNonNull(outcome.location()));
            }
            case WRONG -> {
                field.setErrorMessage(getTranslation(wrongKey, outcome.triesLeft()));
                field.setInvalid(true);
            }
            case CODE_EXPIRED -> {
                field.setErrorMessage(getTranslation("identity-check.code.expired"));
                field.setInvalid(true);
            }
            case SPENT -> {
                forget();
                card.removeAll();
                card.add(new H1(getTranslation("identity-check.title")),
                        new Paragraph(getTranslation("identity-check.spent")), signIn());
            }
            case GONE -> gone();
        }
    }

    /** The check is no longer possible: the sign-in page, which says nothing about why. */
    private void gone() {
        forget();
        UI.getCurrent().navigate("login");
    }

    private void forget() {
        VaadinSession.getCurrent().getSession().removeAttribute(PendingCheck.SESSION_KEY);
        pending = null;
    }

    private Anchor signIn() {
        var link = new Anchor("login", getTranslation("identity-check.sign-in"));
        link.addClassName("big-link");
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("identity-check.title");
    }
}
