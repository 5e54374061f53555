package org.researchportal.quality;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.security.PortalRole;

/** A query that still stands, for the monitor's dashboard (its age from {@code openedAt}) and the lock's blockers. */
public record DataQueryRow(String id, String participantId, @Nullable String studyNumber, DataPoint point,
        QueryState state, PortalRole assignee, Instant openedAt) {}
