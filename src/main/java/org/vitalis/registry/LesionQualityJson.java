package org.vitalis.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a {@link LesionQuality}: {@code {"format":1,"checks":[{"kind","passed","value","threshold",
 * "sentence"}]}}. Reading refuses anything else with a sentence, so a damaged row shows as damaged.
 */
public final class LesionQualityJson {
    static final int FORMAT = 1;
    /** More checks than any gate runs means a damaged or foreign value. */
    private static final int MAX_CHECKS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LesionQualityJson() {
    }

    public static String write(LesionQuality q) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode checks = root.putArray("checks");
        for (LesionQuality.Check c : q.checks()) {
            ObjectNode n = checks.addObject();
            n.put("kind", c.kind());
            n.put("passed", c.passed());
            putNumber(n, "value", c.value());
            putNumber(n, "threshold", c.threshold());
            n.put("sentence", c.sentence());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of plain values always serialises", e);
        }
    }

    /** JSON has no NaN or infinity; a check that measured nothing is written as null. */
    private static void putNumber(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }

    /** @throws IllegalArgumentException with a sentence when the text is not a stored quality report */
    public static LesionQuality read(String text) {
        if (text == null) {
            throw new IllegalArgumentException("The stored quality report is missing.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The stored quality report is not valid JSON.", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The stored quality report is not a JSON object.");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isInt() || format.intValue() != FORMAT) {
            throw new IllegalArgumentException("The stored quality report has an unknown format.");
        }
        JsonNode checks = root.get("checks");
        if (checks == null || !checks.isArray() || checks.size() > MAX_CHECKS) {
            throw new IllegalArgumentException("The stored quality report has no valid list of checks.");
        }
        List<LesionQuality.Check> out = new ArrayList<>();
        for (JsonNode n : checks) {
            if (!n.isObject() || !textual(n, "kind") || !n.path("passed").isBoolean() || !textual(n, "sentence")) {
                throw new IllegalArgumentException("A stored quality check is incomplete.");
            }
            String kind = n.get("kind").textValue();
            if (kind.isBlank() || kind.length() > 50) {
                throw new IllegalArgumentException("A stored quality check has no valid kind.");
            }
            out.add(new LesionQuality.Check(kind, n.get("passed").booleanValue(), number(n, "value"),
                    number(n, "threshold"), n.get("sentence").textValue()));
        }
        return new LesionQuality(out);
    }

    private static boolean textual(JsonNode n, String field) {
        return n.path(field).isTextual();
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("A stored quality check's " + field + " is not a number.");
        }
        return v.doubleValue();
    }
}
