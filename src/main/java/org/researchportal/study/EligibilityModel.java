package org.researchportal.study;

import java.util.List;

/** What screening asks for in a study: the measures entered and the criteria judged from them. */
public record EligibilityModel(List<ScreeningMeasure> measures, List<EligibilityCriterion> criteria) {

    public static final EligibilityModel NONE = new EligibilityModel(List.of(), List.of());
}
