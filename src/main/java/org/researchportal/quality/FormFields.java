package org.researchportal.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.assessments.ItemType;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.clinical.FormValues;
import org.researchportal.base.expression.ExpressionScope;
import org.researchportal.study.StudyService;
import org.springframework.stereotype.Component;

/**
 * What an edit check on a form may name: the form's fields, each by the name an expression uses (lower case with "_":
 * an instrument's item code as it is, a record component such as {@code resolvedOn} as {@code resolved_on}), the
 * data point it is (what a query points at) and the entry form's field a refusal is shown at. An adverse event's
 * relatedness and action, and a call's exercise and counselling, are left out: the monitor who writes and reads checks
 * is blinded, and they would tell the arm.
 */
@Component
class FormFields {

    /** One field a check may name. */
    record Field(String name, String point, String formField) {}

    /** A form's fields, and the timepoints and choice options an instrument's expressions may name. */
    record Catalogue(List<Field> fields, Set<String> events, Map<String, Set<String>> options)
            implements
                ExpressionScope {

        Optional<Field> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }

        @Override
        public boolean hasEvent(String event) {
            return events.contains(event);
        }

        @Override
        public boolean hasItem(String item) {
            return field(item).isPresent();
        }

        @Override
        public boolean hasOption(String item, String option) {
            return options.getOrDefault(item, Set.of()).contains(option);
        }
    }

    static final List<String> ADVERSE_EVENT = List.of("onset", "resolvedOn", "grade", "serious", "outcome",
            "description", "bodySite");
    static final List<String> CONSENT = List.of("documentVersion", "consentedOn", "smsContact", "emailContact");
    static final List<String> FOLLOW_UP_CALL = List.of("takingAromataseInhibitor", "missedDoses", "jointPain",
            "newHealthProblem", "concernFlagged");

    private final InstrumentLibrary instruments;
    private final StudyService studies;

    FormFields(InstrumentLibrary instruments, StudyService studies) {
        this.instruments = instruments;
        this.studies = studies;
    }

    /** The form's fields; empty when the form does not exist (an unknown instrument). */
    Optional<Catalogue> of(String studyId, FormKind kind, String form) {
        return switch (kind) {
            case INSTRUMENT -> instruments.instrument(form).map(i -> instrument(studyId, i));
            case ADVERSE_EVENT -> plain(ADVERSE_EVENT);
            case CONSENT -> plain(CONSENT);
            case FOLLOW_UP_CALL -> plain(FOLLOW_UP_CALL);
            case ELIGIBILITY -> {
                var model = studies.eligibilityModel(studyId);
                List<Field> fields = new ArrayList<>();
                model.measures().forEach(m -> fields.add(new Field(name(m.code()), m.code(), "measure." + m.code())));
                model.criteria().forEach(c -> fields.add(new Field(name(c.code()), c.code(), "criterion."
                        + c.code())));
                yield Optional.of(new Catalogue(fields, Set.of(), Map.of()));
            }
        };
    }

    private Catalogue instrument(String studyId, Instrument instrument) {
        List<Field> fields = new ArrayList<>();
        Map<String, Set<String>> options = new HashMap<>();
        instrument.items().stream().filter(i -> i.type() != ItemType.DESCRIPTIVE).forEach(i -> {
            fields.add(new Field(i.code(), i.code(), "item." + i.code()));
            if (i.type() == ItemType.MULTIPLE_CHOICE) {
                Set<String> codes = new HashSet<>();
                i.choices().forEach(c -> codes.add(c.code()));
                options.put(i.code(), codes);
            }
        });
        // The date and the window a refusal shows at the entry's date.
        for (String point : List.of(AssessmentService.ASSESSED_ON, FormValues.WINDOW_OPENS,
                FormValues.WINDOW_CLOSES)) {
            fields.add(new Field(name(point), point, AssessmentService.ASSESSED_ON));
        }
        Set<String> events = new HashSet<>();
        studies.schedule(studyId).forEach(t -> events.add(t.code()));
        return new Catalogue(fields, events, options);
    }

    private static Optional<Catalogue> plain(List<String> points) {
        return Optional.of(new Catalogue(points.stream().map(p -> new Field(name(p), p, p)).toList(), Set.of(),
                Map.of()));
    }

    /** A data point's name in an expression: {@code resolvedOn} is {@code resolved_on}. */
    static String name(String point) {
        StringBuilder name = new StringBuilder();
        point.codePoints().forEach(c -> {
            if (Character.isUpperCase(c)) {
                name.append('_');
            }
            name.append(Character.toString(c).toLowerCase(Locale.ROOT));
        });
        return name.toString();
    }
}
