package org.researchportal.base.security;

import java.util.List;
import java.util.Locale;

/** The languages the portal speaks. Each user chooses one; participants get their messages in theirs. */
public final class PortalLocales {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, SIMPLIFIED_CHINESE);

    private PortalLocales() {
    }

    /** The supported locale closest to a language tag such as {@code zh-CN}; English when none fits. */
    public static Locale fromTag(String tag) {
        Locale requested = Locale.forLanguageTag(tag.replace('_', '-'));
        return "zh".equals(requested.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
    }

    public static String toTag(Locale locale) {
        return fromTag(locale.toLanguageTag()).toLanguageTag();
    }
}
