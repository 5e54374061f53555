package org.researchportal.reporting.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

/**
 * HAPI FHIR's R4 validator, offline (the R4 definitions come from hapi-fhir-validation-resources-r4), built once per
 * test JVM: it holds ~200 MB and its first validation takes ~5 s. A QuestionnaireResponse is checked against its
 * Questionnaire (types, required items, enableWhen, ranges, options) once that Questionnaire was {@link #know known}.
 */
final class FhirValidation {

    /**
     * The messages below an error that the portal's resources may cause, by message id: its own extensions and
     * SDC's (not in core R4) are unknown to the validator, and THO's arm-type code system is not in R4's files.
     */
    static final Set<String> ALLOWED = Set.of("Extension_EXT_Unknown");

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();
    private static final Map<String, Questionnaire> QUESTIONNAIRES = new ConcurrentHashMap<>();
    private static volatile FhirValidator validator;

    private FhirValidation() {
    }

    private static FhirValidator validator() {
        if (validator == null) {
            synchronized (FhirValidation.class) {
                if (validator == null) {
                    validator = build();
                }
            }
        }
        return validator;
    }

    private static FhirValidator build() {
        IValidationSupport questionnaires = new IValidationSupport() {
            @Override
            public FhirContext getFhirContext() {
                return CONTEXT;
            }

            // The default only serves StructureDefinitions, ValueSets and CodeSystems.
            @Override
            @SuppressWarnings("unchecked")
            public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
                Questionnaire q = QUESTIONNAIRES.get(uri);
                return q != null && (type == null || type.isInstance(q)) ? (T) q : null;
            }

            @Override
            public String getName() {
                return "the portal's questionnaires";
            }
        };
        var unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(CONTEXT);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.INFORMATION);
        var chain = new ValidationSupportChain(new DefaultProfileValidationSupport(CONTEXT), questionnaires,
                new InMemoryTerminologyServerValidationSupport(CONTEXT), new CommonCodeSystemsTerminologyService(
                        CONTEXT), new SnapshotGeneratingValidationSupport(CONTEXT), unknownCodeSystems);
        var module = new FhirInstanceValidator(chain);
        // dom-6 ("should have narrative") on every resource: the portal writes data, not documents.
        module.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        return CONTEXT.newValidator().registerValidatorModule(module);
    }

    /** Remembers a Questionnaire, by its url|version and by its url, for responses that name it. */
    static void know(String questionnaireJson) {
        Questionnaire q = CONTEXT.newJsonParser().parseResource(Questionnaire.class, questionnaireJson);
        QUESTIONNAIRES.put(q.getUrl() + "|" + q.getVersion(), q);
        QUESTIONNAIRES.merge(q.getUrl(), q, (a, b) -> Integer.parseInt(a.getVersion()) > Integer.parseInt(b
                .getVersion()) ? a : b);
    }

    /** The problems of a resource: every error, and every other message not on the {@link #ALLOWED} list. */
    static List<String> problems(String json) {
        return validator().validateWithResult(json).getMessages().stream().filter(FhirValidation::problem)
                .map(m -> m.getSeverity() + " @ " + m.getLocationString() + " [" + m.getMessageId() + "]: " + m
                        .getMessage())
                .toList();
    }

    private static boolean problem(SingleValidationMessage message) {
        return message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL
                || !ALLOWED.contains(message.getMessageId());
    }
}
