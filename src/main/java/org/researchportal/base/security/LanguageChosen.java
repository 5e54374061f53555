package org.researchportal.base.security;

import java.util.Locale;

/** The signed-in person chose the language the portal speaks to them; identity stores it on their account. */
public record LanguageChosen(Locale locale) {}
