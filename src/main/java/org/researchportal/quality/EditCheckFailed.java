package org.researchportal.quality;

import org.researchportal.base.clinical.DataPoint;

/**
 * A soft edit check found a saved value wrong: the queries open one on the data point, by the system. Published in
 * the writer's thread, after the save.
 */
public record EditCheckFailed(String tenantId, DataPoint point, String checkCode, String messageEn,
        String messageZh) {}
