package org.researchportal.assessments;

/** Who gave an instrument's answers: a member of staff (at a visit, or from a paper form) or the participant herself. */
public enum Respondent {
    STAFF,
    PARTICIPANT
}
