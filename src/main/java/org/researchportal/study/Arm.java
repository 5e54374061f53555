package org.researchportal.study;

/**
 * An arm of a study, e.g. RE-MS's "Exercise" (home programme with manual and videos) and "Control" (standard guidance
 * with monthly telephone follow-ups).
 *
 * @param code a short stable code, e.g. {@code EXERCISE}
 */
public record Arm(String code, String name, ArmKind kind, String description) {

    public static final int CODE_MAX_LENGTH = 24;
    public static final int NAME_MAX_LENGTH = 60;
    public static final int DESCRIPTION_MAX_LENGTH = 500;
}
