package org.researchportal.assessments;

import java.time.Instant;

/**
 * An adverse event as exports carry it: the participant by id only (the export puts their study number beside it),
 * the report as last updated, and whether it counts as serious.
 */
public record AdverseEventRecord(String id, String participantId, AdverseEventReport report, boolean serious,
        Instant reportedAt) {}
