package org.researchportal.reporting.fhir;

import java.util.Optional;

/**
 * The addresses FHIR resources name, under the portal's public address (base/PublicAddress): the API's own, where
 * each resource can be read, and the tenant's canonical URLs and identifier systems, which only need to be stable
 * and to differ between tenants (two hospitals' "bpi_sf" version 2 may differ).
 *
 * @param base the portal's public address, without a trailing slash
 */
record FhirAddress(String base, String tenantId) {

    static final String API = "/api/fhir";

    String api() {
        return base + API;
    }

    String resource(String type, String id) {
        return api() + "/" + type + "/" + id;
    }

    /** The canonical URL of an instrument, the same for all its versions (they differ by {@code version}). */
    String questionnaire(String instrumentCode) {
        return base + "/fhir/" + tenantId + "/Questionnaire/" + instrumentCode;
    }

    /** The instrument's code from its canonical URL, if the URL is one of this tenant's. */
    Optional<String> instrumentOf(String canonical) {
        String prefix = questionnaire("");
        return canonical.startsWith(prefix) ? Optional.of(canonical.substring(prefix.length())) : Optional.empty();
    }

    /**
     * The code system of a choice item's answers (REDCap's raw values, "1", "2", meaningful only with the item), so a
     * Coding says whose code it is.
     */
    String choices(String instrumentCode, String itemCode) {
        return base + "/fhir/" + tenantId + "/CodeSystem/" + instrumentCode + "/" + itemCode;
    }

    /** The system of an identifier kind of this tenant (study-number, username, study). */
    String identifierSystem(String kind) {
        return base + "/fhir/" + tenantId + "/sid/" + kind;
    }

    /** The portal's own extensions (an assessment's timepoint, an item's calculation or branching in REDCap logic). */
    String extension(String name) {
        return base + "/fhir/StructureDefinition/" + name;
    }

    /**
     * A Questionnaire's id: the instrument's code and version. FHIR ids allow letters, digits, '-' and '.', not '_',
     * and codes are {@code [a-z][a-z0-9_]*}, so '_' becomes '-' and a '.' parts the version: {@code bpi-sf.2}.
     */
    static String questionnaireId(String code, int version) {
        return code.replace('_', '-') + "." + version;
    }

    record VersionedCode(String code, int version) {}

    static Optional<VersionedCode> parseQuestionnaireId(String id) {
        if (!id.matches("[a-z][a-z0-9-]{0,49}\\.[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        int dot = id.lastIndexOf('.');
        return Optional.of(new VersionedCode(id.substring(0, dot).replace('-', '_'),
                Integer.parseInt(id.substring(dot + 1))));
    }
}
