package org.researchportal.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.SystemActor;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.PortalTranslations;

/**
 * The names of the tenant's people, looked up once for a screen: records name who did something by username
 * ("taken by", "recorded by") and who is assigned by account id, and a person reads a name in both places. Work no
 * person did (a system actor) reads as the portal, in the reader's language; a reference that names no account of
 * the tenant is shown as it is.
 */
public final class PeopleNames {

    private final Map<String, Account> byUsername = new HashMap<>();
    private final Map<String, Account> byAccountId = new HashMap<>();

    PeopleNames(Collection<Account> accounts) {
        for (Account account : accounts) {
            byUsername.put(account.getUsername(), account);
            byAccountId.put(account.requireId(), account);
        }
    }

    /** The person's name, for a username or an account id; null when neither names an account of the tenant. */
    public @Nullable String name(@Nullable String usernameOrAccountId) {
        Account account = account(usernameOrAccountId);
        return account == null ? null : account.getDisplayName();
    }

    /** The username an account signs in with, shown where it matters (the participant's phone account). */
    public @Nullable String username(@Nullable String accountId) {
        Account account = accountId == null ? null : byAccountId.get(accountId);
        return account == null ? null : account.getUsername();
    }

    /** Who, as a reader sees it: the person's name, the portal for a system actor, a dash for nobody. */
    public String shown(@Nullable String usernameOrAccountId, Locale locale) {
        if (usernameOrAccountId != null && usernameOrAccountId.startsWith(SystemActor.USERNAME_PREFIX)) {
            return PortalTranslations.find("person.system", locale).orElse("the portal");
        }
        String name = name(usernameOrAccountId);
        return Formats.text(name != null ? name : usernameOrAccountId);
    }

    private @Nullable Account account(@Nullable String usernameOrAccountId) {
        if (usernameOrAccountId == null) {
            return null;
        }
        Account account = byUsername.get(usernameOrAccountId);
        return account != null ? account : byAccountId.get(usernameOrAccountId);
    }
}
