package org.researchportal.quality;

import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.security.PortalRole;

/** A query was raised on a data point and assigned to a role: its people are told by email. */
public record DataQueryRaised(String tenantId, String queryId, DataPoint point, PortalRole assignee) {}
