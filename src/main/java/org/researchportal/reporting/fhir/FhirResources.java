package org.researchportal.reporting.fhir;

import static org.researchportal.reporting.fhir.Json.array;
import static org.researchportal.reporting.fhir.Json.object;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.assessments.InstrumentVersionRow;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.PublicAddress;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The FHIR resources, read through the portal's services under the caller's role: the services' role checks, tenant
 * scoping and blinding apply as in the portal. A caller who may not see arms (an assessor, or an assessor's token)
 * reads participants through the blinded service, whose rows carry no arm, so no resource can show one.
 */
@Component
class FhirResources {

    static final String ARM_TYPES = "http://terminology.hl7.org/CodeSystem/research-study-arm-type";

    private final PublicAddress publicAddress;
    private final StudyService studies;
    private final BlindedParticipants blindedParticipants;
    private final ParticipantService participants;
    private final AssessmentService assessments;
    private final InstrumentLibrary instruments;

    FhirResources(PublicAddress publicAddress, StudyService studies, BlindedParticipants blindedParticipants,
            ParticipantService participants, AssessmentService assessments, InstrumentLibrary instruments) {
        this.publicAddress = publicAddress;
        this.studies = studies;
        this.blindedParticipants = blindedParticipants;
        this.participants = participants;
        this.assessments = assessments;
        this.instruments = instruments;
    }

    FhirAddress address() {
        String tenant = CurrentUser.require().tenantId();
        if (tenant == null) {
            throw new AccessDeniedException("FHIR answers within a tenant");
        }
        return new FhirAddress(publicAddress.base(), tenant);
    }

    // Questionnaire

    /** Every published version of every instrument, newest last within each. */
    List<ObjectNode> questionnaires() {
        FhirAddress address = address();
        List<InstrumentVersionRow> published = instruments.allPublished();
        Map<String, Integer> newest = new HashMap<>();
        published.forEach(v -> newest.merge(v.code(), v.number(), Math::max));
        return published.stream().map(v -> QuestionnaireJson.of(address, v.instrument(), v.number(),
                newest.get(v.code()) == v.number(), v.publishedAt())).toList();
    }

    ObjectNode questionnaire(String id) {
        return FhirAddress.parseQuestionnaireId(id).flatMap(wanted -> questionnaires().stream()
                .filter(q -> q.get("id").asString().equals(id)).findFirst())
                .orElseThrow(() -> new NotFoundException("Questionnaire", id));
    }

    // ResearchStudy

    List<ObjectNode> studies() {
        FhirAddress address = address();
        return studies.studies().stream().map(s -> study(address, s)).toList();
    }

    ObjectNode study(String id) {
        return studies.study(id).map(s -> study(address(), s)).orElseThrow(() -> new NotFoundException("Study", id));
    }

    private static ObjectNode study(FhirAddress address, StudySummary study) {
        ObjectNode r = Json.resource("ResearchStudy", study.id());
        ArrayNode identifiers = array();
        if (study.registryId() != null && !study.registryId().isBlank()) {
            identifiers.add(object().put("use", "official").put("system", registrySystem(study.registryId()))
                    .put("value", study.registryId()));
        }
        identifiers.add(object().put("use", "usual").put("system", address.identifierSystem("study")).put("value",
                study.acronym()));
        r.set("identifier", identifiers);
        r.put("title", study.title());
        // A study in the portal is one that runs: it has no state of its own (recruiting, closed) to map.
        r.put("status", "active");
        ArrayNode arms = array();
        for (Arm arm : study.arms()) {
            ObjectNode node = object().put("name", arm.name());
            boolean intervention = arm.kind() == ArmKind.INTERVENTION;
            ObjectNode type = object();
            type.set("coding", array().add(Json.coding(ARM_TYPES, intervention ? "experimental"
                    : "active-comparator", intervention ? "Experimental" : "Active Comparator")));
            type.put("text", intervention ? "Intervention" : "Control");
            node.set("type", type);
            if (arm.description() != null && !arm.description().isBlank()) {
                node.put("description", arm.description());
            }
            arms.add(node);
        }
        if (!arms.isEmpty()) {
            r.set("arm", arms);
        }
        return r;
    }

    /** ClinicalTrials.gov numbers under its address; any other registry's under the portal's own system. */
    private static String registrySystem(String registryId) {
        return registryId.matches("NCT[0-9]{8}") ? "https://clinicaltrials.gov" : "urn:ietf:rfc:3986";
    }

    // ResearchSubject

    record SubjectPage(List<ObjectNode> subjects, boolean hasNext) {}

    SubjectPage subjects(String studyId, int page, int count) {
        FhirAddress address = address();
        StudySummary study = studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
        Slice<BlindedParticipantRow> rows = blindedParticipants.blindedParticipants(studyId, PageRequest.of(page,
                count));
        List<ObjectNode> subjects = new ArrayList<>();
        // Only the randomised are research subjects: a candidate screened out never was one.
        rows.stream().filter(p -> p.studyNumber() != null).forEach(p -> subjects.add(subject(address, study, p)));
        return new SubjectPage(subjects, rows.hasNext());
    }

    ObjectNode subject(String id) {
        FhirAddress address = address();
        BlindedParticipantRow p = blindedParticipants.blindedParticipant(id).filter(r -> r.studyNumber() != null)
                .orElseThrow(() -> new NotFoundException("ResearchSubject", id));
        StudySummary study = studies.study(p.studyId())
                .orElseThrow(() -> new NotFoundException("ResearchSubject", id));
        return subject(address, study, p);
    }

    /** Whether the caller may see arms: a clinician, never a blinded role (a person holding both sees none here). */
    static boolean seesArms(PortalUser user) {
        return user.hasRole(PortalRole.CLINICIAN) && !user.blinded();
    }

    private ObjectNode subject(FhirAddress address, StudySummary study, BlindedParticipantRow p) {
        ObjectNode r = Json.resource("ResearchSubject", p.id());
        r.put("status", switch (p.status()) {
            case ENROLLED -> "on-study";
            case WITHDRAWN -> "withdrawn";
            case LOST_TO_FOLLOW_UP -> "off-study";
            case ELIGIBLE -> "eligible";
            case NOT_ELIGIBLE -> "ineligible";
            case SCREENED -> "screening";
        });
        if (p.enrolledOn() != null) {
            ObjectNode period = object().put("start", p.enrolledOn().toString());
            if (p.leftOn() != null) {
                period.put("end", p.leftOn().toString());
            }
            r.set("period", period);
        }
        r.set("study", object().put("reference", "ResearchStudy/" + study.id()));
        // The study number only: the portal never hands a name or contact details to an API.
        r.set("individual", Json.byIdentifier("Patient", address.identifierSystem("study-number"),
                p.studyNumber() != null ? p.studyNumber() : p.id()));
        if (seesArms(CurrentUser.require())) {
            String arm = canonicalArm(study, participants.participantRecord(p.id()).armName());
            if (arm != null) {
                r.put("assignedArm", arm);
                r.put("actualArm", arm);
            }
        }
        return r;
    }

    /** The arm's own name (ResearchStudy.arm.name), whatever the reader's language. */
    private static @Nullable String canonicalArm(StudySummary study, @Nullable String shown) {
        if (shown == null) {
            return null;
        }
        return study.arms().stream().filter(a -> a.name().equals(shown) || shown.equals(a.nameZh()))
                .map(Arm::name).findFirst().orElse(shown);
    }

    // QuestionnaireResponse

    /**
     * A subject's responses, optionally only those to one questionnaire ({@code url} or {@code url|version}).
     */
    List<ObjectNode> responses(String subjectId, @Nullable String questionnaire) {
        FhirAddress address = address();
        BlindedParticipantRow p = blindedParticipants.blindedParticipant(subjectId)
                .orElseThrow(() -> new NotFoundException("ResearchSubject", subjectId));
        Map<String, Instrument> versions = new HashMap<>();
        instruments.allPublished().forEach(v -> versions.put(v.code() + "|" + v.number(), v.instrument()));
        List<ObjectNode> responses = new ArrayList<>();
        for (AssessmentRecord a : assessments.assessmentsOf(p.studyId(), List.of(p.id()))) {
            String canonical = address.questionnaire(a.instrument());
            if (questionnaire != null && !questionnaire.equals(canonical) && !questionnaire.equals(canonical + "|"
                    + a.instrumentVersion())) {
                continue;
            }
            Instrument version = versions.get(a.instrument() + "|" + a.instrumentVersion());
            if (version != null) {
                responses.add(ResponseJson.of(address, a, version, p.studyNumber() != null ? p.studyNumber() : p
                        .id()));
            }
        }
        return responses;
    }

    ObjectNode response(String id) {
        int dot = id.indexOf('.');
        if (dot < 1) {
            throw new NotFoundException("QuestionnaireResponse", id);
        }
        String subject = id.substring(0, dot);
        Optional<ObjectNode> found;
        try {
            found = responses(subject, null).stream().filter(r -> r.get("id").asString().equals(id)).findFirst();
        } catch (NotFoundException noSuchSubject) {
            found = Optional.empty();
        }
        return found.orElseThrow(() -> new NotFoundException("QuestionnaireResponse", id));
    }
}
