package org.researchportal.quality;

import org.researchportal.base.clinical.DataPoint;

/**
 * A soft edit check found a saved value it questions: the value stays, and a query is opened on it by the system.
 * Published in the writer's thread, after the save.
 */
public record EditCheckFailed(String tenantId, DataPoint point, String checkCode, String messageEn, String messageZh) {}
