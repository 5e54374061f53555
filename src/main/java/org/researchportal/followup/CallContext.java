package org.researchportal.followup;

import java.util.List;

/**
 * What the coordinator sees when opening a call: the row, the arm's script, the participant's earlier calls (the
 * last one's answers first of all) and their open concerns; nothing of their clinical record beyond that.
 */
public record CallContext(CallRow row, FollowUpCall call, CallScript script, List<FollowUpCall> earlierCalls,
        List<Escalation> openEscalations) {}
