package org.researchportal.identity;

/**
 * The two kinds of API token: a bearer token for the portal's REST API ({@code /api/v1}, every study of the tenant), or
 * a REDCap token for REDCap's API shape ({@code /redcap/api/}, one study, 32 hexadecimal characters as REDCap's).
 */
public enum ApiTokenKind {
    BEARER, REDCAP;

    public String messageKey() {
        return "api-token.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
