package org.researchportal.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.researchportal.base.security.PortalLocales;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The portal's texts, from {@code vaadin-i18n/translations*.properties}: English in the unsuffixed bundle, Simplified
 * Chinese in {@code _zh_CN}. Written out rather than Vaadin's default provider for two reasons: that one lists only
 * locales whose file names one (so an English browser got Chinese before sign-in), and Java's bundle lookup falls
 * back to the server's default locale (so on a server set to Chinese, English users got Chinese).
 */
@Component
public class PortalTranslations implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(PortalTranslations.class);
    private static final String BUNDLE = "vaadin-i18n.translations";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return PortalLocales.SUPPORTED;
    }

    /**
     * The text of a key if there is one, without the warning a missing key logs: for texts looked up by a code that
     * may have no key of its own (an audit snapshot's field names and values).
     */
    public static Optional<String> find(String key, Locale locale) {
        try {
            return Optional.of(ResourceBundle.getBundle(BUNDLE, PortalLocales.fromTag(locale.toLanguageTag()),
                    PortalTranslations.class.getClassLoader(), NO_DEFAULT_LOCALE_FALLBACK).getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = PortalLocales.fromTag(locale.toLanguageTag());
        try {
            String text = ResourceBundle.getBundle(BUNDLE, supported, PortalTranslations.class.getClassLoader(),
                    NO_DEFAULT_LOCALE_FALLBACK).getString(key);
            return params.length == 0 ? text : new MessageFormat(text, supported).format(params);
        } catch (MissingResourceException e) {
            log.warn("No translation for key {} in {}", key, supported);
            return "!" + key;
        }
    }
}
