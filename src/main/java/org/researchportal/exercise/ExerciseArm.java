package org.researchportal.exercise;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.researchportal.base.NotFoundException;
import org.researchportal.participants.ParticipantRef;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.ProgrammeParticipants;
import org.researchportal.study.ArmKind;
import org.springframework.stereotype.Component;

/**
 * Who follows an exercise programme: participants enrolled in an intervention arm. A control-arm participant asking for
 * a programme, the manual or its media is answered "not found", as the protocol gives them standard guidance only. The
 * one place this rule is said; a plain component (no proxy), so the exercise services share it directly.
 */
@Component
class ExerciseArm {

    private final ProgrammeParticipants participants;
    private final Clock clock;

    ExerciseArm(ProgrammeParticipants participants, Clock clock) {
        this.participants = participants;
        this.clock = clock;
    }

    boolean includes(ParticipantRef participant) {
        return participant.armKind() == ArmKind.INTERVENTION && participant.status() == ParticipantStatus.ENROLLED;
    }

    /** The signed-in participant if they follow a programme. */
    Optional<ParticipantRef> me() {
        return participants.me().filter(this::includes);
    }

    ParticipantRef requireMe() {
        return me().orElseThrow(() -> new NotFoundException("Programme", "own"));
    }

    /** A participant of the exercise arm; anyone else (or unknown) is not found. */
    ParticipantRef participant(String participantId) {
        return participants.programmeParticipant(participantId).filter(this::includes)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
    }

    /** The exercise-arm participants among these, in one read; the others (or unknown) are left out. */
    List<ParticipantRef> participants(Collection<String> participantIds) {
        return participants.programmeParticipants(participantIds).stream().filter(this::includes).toList();
    }

    /** The last day her programme counts: today, or the day she left the trial if that came first. */
    LocalDate countedUntil(ParticipantRef participant) {
        LocalDate today = today(participant);
        return participant.leftOn() != null && participant.leftOn().isBefore(today) ? participant.leftOn() : today;
    }

    /** Today in the participant's own calendar. */
    LocalDate today(ParticipantRef participant) {
        return LocalDate.now(clock.withZone(ZoneId.of(participant.timeZone())));
    }
}
