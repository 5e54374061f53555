package org.researchportal.identity;

import org.researchportal.base.security.LanguageChosen;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Stores the language a person picks in the layout on their account, so it applies at their next sign-in too. */
@Component
class LanguagePreference {

    private final AccountService accounts;

    LanguagePreference(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(LanguageChosen event) {
        accounts.changeLanguage(event.locale());
    }
}
