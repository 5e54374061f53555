package org.researchportal.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.participants.BlindedConsent;
import org.researchportal.participants.EligibilityAssessment;
import org.researchportal.study.EligibilityCriterion;
import org.researchportal.study.EligibilityModel;
import org.researchportal.study.ScreeningMeasure;

/**
 * The eligibility and consent forms in words. Field items are what the writers name in ClinicalDataChanged: measure
 * and criterion codes, and Consent's component names.
 */
final class ScreeningForms {

    private final String studyId;
    private final String participantId;
    private final AnswerWords words;

    ScreeningForms(String studyId, String participantId, AnswerWords words) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.words = words;
    }

    FormView eligibility(EligibilityAssessment assessment, EligibilityModel model) {
        List<FormView.Field> fields = new ArrayList<>();
        for (ScreeningMeasure measure : model.measures()) {
            Double value = assessment.measures().get(measure.code());
            if (value != null) {
                fields.add(new FormView.Field(measure.code(), words.either(measure.label(), measure.labelZh()),
                        measure.type() == ScreeningMeasure.MeasureType.YES_NO ? words.yesNo(value == 1)
                                : number(value) + (measure.unit() == null ? "" : " " + measure.unit())));
            }
        }
        for (EligibilityCriterion criterion : model.criteria()) {
            Boolean answer = assessment.answers().get(criterion.code());
            if (answer != null) {
                fields.add(new FormView.Field(criterion.code(), words.either(criterion.text(), criterion.textZh()),
                        words.yesNo(answer)));
            }
        }
        fields.add(new FormView.Field("eligible", words.text("data.eligibility.verdict"), assessment.eligible()
                ? words.text("eligibility.verdict.eligible")
                : words.text("eligibility.verdict.not-eligible", String.join(", ", assessment.failedCriteria()))));
        return new FormView(ClinicalForm.eligibility(studyId, participantId), words.text(FormKind.ELIGIBILITY
                .messageKey()), words.text("data.eligibility.detail", words.time(assessment.assessedAt()),
                        words.person(assessment.assessedBy())), fields);
    }

    FormView consent(BlindedConsent consent) {
        List<FormView.Field> fields = new ArrayList<>(List.of(
                new FormView.Field("documentVersion", words.text("consent.version"), consent.documentVersion()),
                new FormView.Field("consentedOn", words.text("consent.date"), words.date(consent.consentedOn())),
                new FormView.Field("takenBy", words.text("data.consent.taken-by"), words.person(consent.takenBy())),
                new FormView.Field("smsContact", words.text("consent.sms"), words.yesNo(consent.smsContact())),
                new FormView.Field("emailContact", words.text("consent.email"), words.yesNo(consent.emailContact()))));
        if (!consent.withdrawals().isEmpty()) {
            fields.add(new FormView.Field("withdrawals", words.text("data.consent.withdrawals"), String.join("; ",
                    consent.withdrawals().stream().map(w -> words.text("data.consent.withdrawal", words.text(
                            "consent.scope." + w.scope().name().toLowerCase(Locale.ROOT)),
                            words.date(w.withdrawnOn()))).toList())));
        }
        return new FormView(ClinicalForm.consent(studyId, participantId), words.text(FormKind.CONSENT.messageKey()),
                "", fields);
    }

    /** A measure's value as entered: whole numbers without a trailing ".0". */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
