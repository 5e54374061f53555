package org.researchportal.exercise;

/** A page of standard guidance (what the control arm receives; every participant may read it). */
public record GuidancePage(String code, Text title, Text body) {}
