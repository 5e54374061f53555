package org.researchportal.exercise;

import org.researchportal.participants.ParticipantRef;

/** A participant's programme and its manual edition. */
public record OwnProgramme(ParticipantRef participant, Programme programme, ExerciseManual manual) {}
