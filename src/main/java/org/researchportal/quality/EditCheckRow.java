package org.researchportal.quality;

/** A study's edit check as stored. */
public record EditCheckRow(String id, String studyId, CheckDefinition definition) {}
