package org.researchportal.exercise;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.participants.ParticipantRef;

/**
 * A participant's programme as their therapist sees it: the programme (none yet: prescribe one), the manual edition
 * it follows (or the current one, whose templates are offered), the sessions logged and how many fell in the last
 * seven days against the days prescribed, and the weekly check-ins, newest first.
 */
public record ProgrammeOverview(ParticipantRef participant, @Nullable Programme programme,
        @Nullable ExerciseManual manual, List<SessionRecord> sessions, int sessionsLastSevenDays,
        List<CheckInRecord> checkIns) {
}
