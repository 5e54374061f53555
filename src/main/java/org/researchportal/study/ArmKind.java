package org.researchportal.study;

/** Whether an arm receives the intervention under study or the comparison. */
public enum ArmKind {
    INTERVENTION, CONTROL
}
