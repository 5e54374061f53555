package org.researchportal.participants;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.base.ValidationException;
import org.researchportal.participants.EligibilityOutcome.Outcome;
import org.researchportal.study.CriterionRule;
import org.researchportal.study.EligibilityCriterion;
import org.researchportal.study.EligibilityModel;
import org.researchportal.study.ScreeningMeasure;

/**
 * Judges eligibility from a study's model: computed criteria from the measures (never ticked), the others from the
 * clinician's answers. Pure: no data access, so the form can show the outcome as the clinician types.
 */
final class EligibilityCheck {

    private EligibilityCheck() {
    }

    static EligibilityOutcome judge(EligibilityModel model, Map<String, Double> measures,
            Map<String, Boolean> answers) {
        checkMeasures(model, measures);
        checkAnswers(model, answers);
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        List<String> undetermined = new ArrayList<>();
        for (EligibilityCriterion criterion : model.criteria()) {
            Optional<Boolean> holds = criterion.rule() instanceof CriterionRule rule ? rule.evaluate(measures)
                    : Optional.ofNullable(answers.get(criterion.code()));
            Outcome outcome = holds.map(h -> h == (criterion.kind() == EligibilityCriterion.Kind.INCLUSION)
                    ? Outcome.PASS : Outcome.FAIL).orElse(Outcome.UNKNOWN);
            outcomes.put(criterion.code(), outcome);
            if (outcome == Outcome.FAIL) {
                failed.add(criterion.code());
            } else if (outcome == Outcome.UNKNOWN) {
                undetermined.add(criterion.code());
            }
        }
        Boolean eligible = !failed.isEmpty() ? Boolean.FALSE : undetermined.isEmpty() ? Boolean.TRUE : null;
        return new EligibilityOutcome(outcomes, eligible, failed, undetermined);
    }

    /** Answers are given only to the study's criteria that are answered, not computed, and each is yes or no. */
    private static void checkAnswers(EligibilityModel model, Map<String, Boolean> answers) {
        Map<String, String> errors = new HashMap<>();
        answers.forEach((code, answer) -> {
            boolean manual = model.criteria().stream().anyMatch(c -> c.code().equals(code) && !c.computed());
            if (!manual || answer == null) {
                errors.put("criterion." + code, "eligibility.answer.invalid");
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Every value must belong to a measure of the study and lie in its range; the message names the field. */
    private static void checkMeasures(EligibilityModel model, Map<String, Double> measures) {
        Map<String, String> errors = new HashMap<>();
        Map<String, ScreeningMeasure> known = new HashMap<>();
        model.measures().forEach(m -> known.put(m.code(), m));
        measures.forEach((code, value) -> {
            ScreeningMeasure measure = known.get(code);
            if (measure == null || value == null || value.isNaN() || !measure.accepts(value)) {
                errors.put("measure." + code, "eligibility.measure.out-of-range");
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
