package org.researchportal.assessments;

/**
 * One of the signed-in participant's questionnaires for her "My study": how it stands, the instrument's name in both
 * languages and whether she has begun it.
 */
public record MyQuestionnaire(DueQuestionnaire due, Wording name, boolean started) {}
