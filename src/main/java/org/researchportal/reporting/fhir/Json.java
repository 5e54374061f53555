package org.researchportal.reporting.fhir;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.Wording;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The few JSON shapes FHIR R4 resources are made of, written as Jackson trees (no FHIR library at run time). */
final class Json {

    /** Jackson 3's factory keeps decimals as given ("2.50" stays 2.50; Jackson 2's stripped the zeros). */
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    static final String CHINESE = "zh-CN";

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ObjectNode resource(String type, String id) {
        return object().put("resourceType", type).put("id", id);
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static ObjectNode decimal(ObjectNode node, String field, BigDecimal value) {
        node.set(field, NODES.numberNode(value));
        return node;
    }

    /**
     * Sets an English string and its Chinese as the R4 translation extension on the string's {@code _field}, which
     * FHIR readers that know the extension show to Chinese readers.
     */
    static void words(ObjectNode node, String field, @Nullable Wording words) {
        if (words == null) {
            return;
        }
        node.put(field, words.en());
        if (words.zh() != null && !words.zh().isBlank()) {
            ObjectNode translation = object().put("url", TRANSLATION);
            translation.set("extension", array().add(object().put("url", "lang").put("valueCode", CHINESE))
                    .add(object().put("url", "content").put("valueString", words.zh())));
            node.set("_" + field, object().set("extension", array().add(translation)));
        }
    }

    static ObjectNode extension(String url) {
        return object().put("url", url);
    }

    /** Appends an extension to the node's {@code extension} list. */
    static ObjectNode addExtension(ObjectNode node, ObjectNode extension) {
        ArrayNode list = node.has("extension") ? (ArrayNode) node.get("extension") : array();
        list.add(extension);
        node.set("extension", list);
        return node;
    }

    static ObjectNode coding(String system, String code, @Nullable String display) {
        ObjectNode coding = object().put("system", system).put("code", code);
        if (display != null) {
            coding.put("display", display);
        }
        return coding;
    }

    /** A logical reference: who or what, by an identifier, with nothing else said about them. */
    static ObjectNode byIdentifier(String type, String system, String value) {
        ObjectNode reference = object().put("type", type);
        reference.set("identifier", object().put("system", system).put("value", value));
        return reference;
    }
}
