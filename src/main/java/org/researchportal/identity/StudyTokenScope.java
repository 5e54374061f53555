package org.researchportal.identity;

/**
 * What a REDCap token allows beyond its person and role: the one study it answers for. The REDCap token filter puts it
 * in the caller's authentication; the API reads it there and nowhere else.
 */
public record StudyTokenScope(String tokenId, String studyId) {}
