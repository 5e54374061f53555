package org.researchportal.assessments;

/**
 * One answer a choice item offers, or one anchor of a scale: the code stored and exported (REDCap's raw value) and
 * its words. A scale's anchors have its lowest, middle and highest values as codes.
 */
public record Choice(String code, Wording label) {}
