package org.researchportal.reporting.fhir;

import static org.researchportal.reporting.fhir.Json.array;
import static org.researchportal.reporting.fhir.Json.object;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What {@code /api/fhir} serves: read and search of four resource types, JSON only, R4. */
final class CapabilityStatementJson {

    /** The date of this statement: when the FHIR endpoints were last changed. */
    static final String DATE = "2026-12-06";

    private CapabilityStatementJson() {
    }

    private record Search(String name, String type, String documentation) {}

    static ObjectNode of(FhirAddress address) {
        ObjectNode statement = Json.resource("CapabilityStatement", "research-portal");
        statement.put("status", "active");
        statement.put("date", DATE);
        statement.put("kind", "instance");
        statement.set("software", object().put("name", "Research Portal"));
        statement.set("implementation", object().put("description", "Research Portal FHIR API (read only)")
                .put("url", address.api()));
        statement.put("fhirVersion", "4.0.1");
        statement.set("format", array().add("json"));
        Map<String, Search[]> resources = new LinkedHashMap<>();
        resources.put("Questionnaire", new Search[] {
                new Search("url", "uri", "The instrument's canonical URL (all its versions)"),
                new Search("name", "string", "The instrument's code, from its start"),
                new Search("version", "token", "The instrument version's number")});
        resources.put("QuestionnaireResponse", new Search[] {
                new Search("subject", "reference", "Required: ResearchSubject/[id] or the id"),
                new Search("questionnaire", "reference", "The canonical URL, with or without |version")});
        resources.put("ResearchStudy", new Search[0]);
        resources.put("ResearchSubject", new Search[] {
                new Search("study", "reference",
                        "Required: ResearchStudy/[id] or the id; paged by _count (at most 100) and _page")});
        ArrayNode list = array();
        resources.forEach((type, searches) -> {
            ObjectNode resource = object().put("type", type);
            resource.set("interaction", array().add(object().put("code", "read")).add(object().put("code",
                    "search-type")));
            ArrayNode parameters = array();
            for (Search search : searches) {
                parameters.add(object().put("name", search.name()).put("type", search.type()).put("documentation",
                        search.documentation()));
            }
            if (!parameters.isEmpty()) {
                resource.set("searchParam", parameters);
            }
            list.add(resource);
        });
        ObjectNode rest = object().put("mode", "server");
        rest.set("security", object().put("description",
                "A personal API token in the Authorization header (Bearer); it answers with its person's role"));
        rest.set("resource", list);
        statement.set("rest", array().add(rest));
        return statement;
    }
}
