package org.researchportal.identity;

/** A participant's own account and the one-time link on which they choose its password, to be sent to them once. */
public record AccountInvitation(String accountId, String username, String link) {}
