package org.researchportal.exercise;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.participants.ParticipantRef;

/**
 * A participant's programme as their therapist sees it: the programme (none yet: prescribe one), the manual edition
 * it follows (or the current one, whose templates are offered), the sessions logged, the same figures as the
 * caseload, and the weekly check-ins, newest first.
 */
public record ProgrammeOverview(ParticipantRef participant, @Nullable Programme programme,
        @Nullable ExerciseManual manual, List<SessionRecord> sessions, ProgrammeFigures figures,
        List<CheckInRecord> checkIns) {}
