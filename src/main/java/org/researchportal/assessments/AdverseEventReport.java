package org.researchportal.assessments;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An adverse event as the clinician reports or updates it. Onset, grade and relatedness are the clinician's judgement
 * and have no default: they are nullable here only so that a report without them reaches the service's check and is
 * refused at its field; a stored event always has them.
 *
 * @param grade CTCAE grade, 1 (mild) to 5 (death related to the event)
 * @param relatedness how related the event is to the exercise programme
 */
public record AdverseEventReport(@Nullable LocalDate onset, String description, @Nullable String bodySite,
        @Nullable Integer grade, boolean serious, @Nullable Relatedness relatedness, Action action, Outcome outcome,
        @Nullable LocalDate resolvedOn) {

    public static final int DESCRIPTION_MAX_LENGTH = 1000;
    public static final int BODY_SITE_MAX_LENGTH = 100;

    public enum Relatedness {
        NOT_RELATED, UNLIKELY, POSSIBLE, PROBABLE, DEFINITE;

        public String messageKey() {
            return "ae.relatedness." + name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Action {
        NONE, PROGRAMME_ADJUSTED, PROGRAMME_PAUSED, PROGRAMME_STOPPED, MEDICAL_TREATMENT;

        public String messageKey() {
            return "ae.action." + name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Outcome {
        ONGOING, RECOVERING, RECOVERED, RECOVERED_WITH_SEQUELAE, FATAL;

        public String messageKey() {
            return "ae.outcome." + name().toLowerCase(Locale.ROOT);
        }

        boolean resolved() {
            return this == RECOVERED || this == RECOVERED_WITH_SEQUELAE || this == FATAL;
        }
    }
}
