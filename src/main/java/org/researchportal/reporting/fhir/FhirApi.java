package org.researchportal.reporting.fhir;

import static org.researchportal.reporting.fhir.Json.array;
import static org.researchportal.reporting.fhir.Json.object;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * FHIR R4 (4.0.1) JSON at {@code /api/fhir}, read-only, under the REST API's bearer tokens (identity/ApiTokenFilter):
 * instruments as Questionnaires, recorded assessments as QuestionnaireResponses, studies as ResearchStudies,
 * randomised participants as ResearchSubjects (their arm only for a token that may see it). Errors are
 * OperationOutcomes: 404 for an unknown id or resource type, 400 for a search parameter the portal does not know or
 * a bad value, 403 for what the services refuse the token's role.
 */
@RestController
@RequestMapping(FhirAddress.API)
class FhirApi {

    static final MediaType FHIR_JSON = new MediaType("application", "fhir+json", StandardCharsets.UTF_8);
    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(FhirApi.class);

    private final FhirResources resources;

    FhirApi(FhirResources resources) {
        this.resources = resources;
    }

    @GetMapping("/metadata")
    ResponseEntity<String> metadata(@RequestParam MultiValueMap<String, String> query) {
        check(query, Set.of());
        return ok(CapabilityStatementJson.of(resources.address()));
    }

    @GetMapping("/Questionnaire")
    ResponseEntity<String> questionnaires(@RequestParam MultiValueMap<String, String> query) {
        check(query, Set.of("url", "name", "version"));
        String url = single(query, "url");
        String name = single(query, "name");
        String version = single(query, "version");
        Predicate<ObjectNode> wanted = q -> (url == null || url.equals(q.get("url").asString()))
                && (name == null || q.get("name").asString().toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(
                        Locale.ROOT)))
                && (version == null || version.equals(q.get("version").asString()));
        return ok(bundle("Questionnaire", query, resources.questionnaires().stream().filter(wanted).toList(),
                false));
    }

    @GetMapping("/Questionnaire/{id}")
    ResponseEntity<String> questionnaire(@PathVariable String id) {
        return ok(resources.questionnaire(id));
    }

    @GetMapping("/QuestionnaireResponse")
    ResponseEntity<String> responses(@RequestParam MultiValueMap<String, String> query) {
        check(query, Set.of("subject", "questionnaire"));
        String subject = single(query, "subject");
        if (subject == null) {
            // Every response of every study at once would be an export: those are paged by subject here.
            throw new BadSearch("subject is required (ResearchSubject/[id])");
        }
        String id = reference(subject, "ResearchSubject");
        List<ObjectNode> found;
        try {
            found = resources.responses(id, single(query, "questionnaire"));
        } catch (NotFoundException noSuchSubject) {
            found = List.of();
        }
        return ok(bundle("QuestionnaireResponse", query, found, false));
    }

    @GetMapping("/QuestionnaireResponse/{id}")
    ResponseEntity<String> response(@PathVariable String id) {
        return ok(resources.response(id));
    }

    @GetMapping("/ResearchStudy")
    ResponseEntity<String> studies(@RequestParam MultiValueMap<String, String> query) {
        check(query, Set.of());
        return ok(bundle("ResearchStudy", query, resources.studies(), false));
    }

    @GetMapping("/ResearchStudy/{id}")
    ResponseEntity<String> study(@PathVariable String id) {
        return ok(resources.study(id));
    }

    @GetMapping("/ResearchSubject")
    ResponseEntity<String> subjects(@RequestParam MultiValueMap<String, String> query) {
        check(query, Set.of("study", "_count", "_page"));
        String study = single(query, "study");
        if (study == null) {
            throw new BadSearch("study is required (ResearchStudy/[id])");
        }
        int count = number(query, "_count", DEFAULT_COUNT, 1, MAX_COUNT);
        int page = number(query, "_page", 1, 1, 100_000);
        FhirResources.SubjectPage found;
        try {
            found = resources.subjects(reference(study, "ResearchStudy"), page - 1, count);
        } catch (NotFoundException noSuchStudy) {
            found = new FhirResources.SubjectPage(List.of(), false);
        }
        ObjectNode bundle = bundle("ResearchSubject", query, found.subjects(), true);
        if (found.hasNext()) {
            ArrayNode links = (ArrayNode) bundle.get("link");
            links.add(object().put("relation", "next").put("url", selfUrl("ResearchSubject", Map.of("study",
                    List.of(study), "_count", List.of(String.valueOf(count)), "_page", List.of(String.valueOf(page
                            + 1))))));
        }
        return ok(bundle);
    }

    @GetMapping("/ResearchSubject/{id}")
    ResponseEntity<String> subject(@PathVariable String id) {
        return ok(resources.subject(id));
    }

    /** Any other path under the FHIR base: a resource type or operation the portal does not serve. */
    @GetMapping("/**")
    ResponseEntity<String> unknown() {
        throw new NotFoundException("FHIR resource type", "?");
    }

    // Searches

    private static final Set<String> FORMATS = Set.of("json", "application/json", "application/fhir+json");

    /** Refuses a parameter the search does not know (FHIR lets a server refuse rather than ignore it). */
    private static void check(MultiValueMap<String, String> query, Set<String> known) {
        for (var parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (name.equals("_format")) {
                if (parameter.getValue().stream().anyMatch(v -> !FORMATS.contains(v))) {
                    throw new BadSearch("_format: only json is served");
                }
            } else if (!known.contains(name)) {
                throw new BadSearch("unknown search parameter" + (known.isEmpty() ? "" : " (known: " + String.join(
                        ", ", known.stream().sorted().toList()) + ")"));
            } else if (parameter.getValue().size() > 1) {
                throw new BadSearch(name + ": give it once");
            }
        }
    }

    private static @Nullable String single(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > 500) {
            throw new BadSearch(name + ": a value is needed");
        }
        return value;
    }

    private static int number(MultiValueMap<String, String> query, String name, int otherwise, int min, int max) {
        String value = single(query, name);
        if (value == null) {
            return otherwise;
        }
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw new BadSearch(name + ": a whole number from " + min + " to " + max);
        }
        return Integer.parseInt(value);
    }

    /** The id of {@code Type/id} or of a bare id. */
    private static String reference(String value, String type) {
        String id = value.startsWith(type + "/") ? value.substring(type.length() + 1) : value;
        if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new BadSearch("not a " + type + " reference");
        }
        return id;
    }

    private ObjectNode bundle(String type, MultiValueMap<String, String> query, List<ObjectNode> resources,
            boolean paged) {
        FhirAddress address = this.resources.address();
        ObjectNode bundle = object().put("resourceType", "Bundle").put("type", "searchset");
        if (!paged) {
            bundle.put("total", resources.size());
        }
        bundle.set("link", array().add(object().put("relation", "self").put("url", selfUrl(type, query))));
        ArrayNode entries = array();
        for (ObjectNode resource : resources) {
            ObjectNode entry = object().put("fullUrl", address.resource(type, resource.get("id").asString()));
            entry.set("resource", resource);
            entry.set("search", object().put("mode", "match"));
            entries.add(entry);
        }
        if (!entries.isEmpty()) {
            bundle.set("entry", entries);
        }
        return bundle;
    }

    private String selfUrl(String type, Map<String, List<String>> query) {
        StringBuilder url = new StringBuilder(resources.address().api()).append('/').append(type);
        char separator = '?';
        for (var parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
                separator = '&';
            }
        }
        return url.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static ResponseEntity<String> ok(ObjectNode resource) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(resource.toString());
    }

    // Errors

    static final class BadSearch extends RuntimeException {
        BadSearch(String message) {
            super(message);
        }
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound() {
        return outcome(HttpStatus.NOT_FOUND, "not-found", "No such resource here");
    }

    @ExceptionHandler(BadSearch.class)
    ResponseEntity<String> badSearch(BadSearch e) {
        return outcome(HttpStatus.BAD_REQUEST, "invalid", e.getMessage());
    }

    /** A query string the server or its firewall cannot read as parameters ("?=", control characters in names). */
    @ExceptionHandler({RequestRejectedException.class, InvalidParameterException.class})
    ResponseEntity<String> unreadable() {
        return outcome(HttpStatus.BAD_REQUEST, "invalid", "The query string cannot be read");
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<String> invalid() {
        return outcome(HttpStatus.BAD_REQUEST, "invalid", "The request's values are not valid");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> refused() {
        return outcome(HttpStatus.FORBIDDEN, "forbidden", "The token's role may not read this");
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException e) {
        LOG.error("FHIR request failed", e);
        return outcome(HttpStatus.INTERNAL_SERVER_ERROR, "exception", "The portal could not answer");
    }

    static ResponseEntity<String> outcome(HttpStatus status, String code, String diagnostics) {
        ObjectNode outcome = object().put("resourceType", "OperationOutcome");
        outcome.set("issue", array().add(object().put("severity", "error").put("code", code).put("diagnostics",
                diagnostics)));
        return ResponseEntity.status(status).contentType(FHIR_JSON).body(outcome.toString());
    }
}
