package org.vitalis.ecg.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link EcgRecord} as a FHIR R4 Observation with one {@code SampledData} component per lead, shaped like the
 * specification's own ECG example (observation-example-sample-data, "ekg"): status final, category procedure,
 * code MDC 131328 MDC_ECG_ELEC_POTL, each component coded with its lead's MDC_ECG_ELEC_POTL_* code.
 *
 * <p>FHIR defines a SampledData value as {@code origin + factor * data} (R4 datatypes, SampledData). The data are the
 * stored integers, {@code factor = 1 / gain} and {@code origin = -baseline / gain}, both in microvolts, so reading the
 * JSON back gives the same integers; only the gain's unit becomes µV. When all twelve standard leads are present
 * the code also carries LOINC 34534-8 "12 lead EKG panel"; LOINC 8601-7 "EKG impression" names the interpretation,
 * not the waveforms, so it is not used. Beats and events have no place in SampledData and are not exported.
 */
public final class FhirEcgObservation {
    static final String MDC = "urn:oid:2.16.840.1.113883.6.24";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String RECORD_SYSTEM = "urn:vitalis:ecg-record";
    /** Decimals stay BigDecimal, so a factor or origin is never rounded through a double on the way in. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * MDC_ECG_ELEC_POTL_* codes (ISO/IEEE 11073-10101 partition 2: 131328 plus the lead's MDC_ECG_LEAD_* term code),
     * checked against the FHIR example for I (131329), II (131330) and III (131389).
     */
    private static final Map<String, Integer> LEAD_CODES = Map.ofEntries(Map.entry("I", 1), Map.entry("II", 2),
            Map.entry("V1", 3), Map.entry("V2", 4), Map.entry("V3", 5), Map.entry("V4", 6), Map.entry("V5", 7),
            Map.entry("V6", 8), Map.entry("III", 61), Map.entry("AVR", 62), Map.entry("AVL", 63), Map.entry("AVF", 64));

    private FhirEcgObservation() {
    }

    /**
     * The Observation as JSON text.
     *
     * @param patientReference FHIR reference to the patient, e.g. {@code Patient/123}
     * @throws IllegalArgumentException when a lead's unit is not a voltage (V, mV, uV)
     */
    public static String toJson(EcgRecord record, String patientReference) {
        ObjectNode o = JSON.createObjectNode();
        o.put("resourceType", "Observation");
        o.put("id", fhirId(record.id()));
        o.putArray("identifier").addObject().put("system", RECORD_SYSTEM).put("value", record.id());
        o.put("status", "final");
        coding(o.putArray("category").addObject(), "http://terminology.hl7.org/CodeSystem/observation-category",
                "procedure", "Procedure");
        ObjectNode code = o.putObject("code");
        ArrayNode codings = code.putArray("coding");
        codings.addObject().put("system", MDC).put("code", "131328").put("display", "MDC_ECG_ELEC_POTL");
        if (hasTwelveLeads(record)) {
            codings.addObject().put("system", LOINC).put("code", "34534-8").put("display", "12 lead EKG panel");
        }
        o.putObject("subject").put("reference", patientReference);
        if (record.start() != null) {
            o.put("effectiveDateTime", record.start().toString());
        }
        ArrayNode components = o.putArray("component");
        BigDecimal period = new BigDecimal(Decimals.reciprocal(record.samplingFrequency())).movePointRight(3);
        for (EcgLead lead : record.leads()) {
            ObjectNode c = components.addObject();
            ObjectNode cc = c.putObject("code");
            Integer term = LEAD_CODES.get(lead.label().toUpperCase(Locale.ROOT));
            if (term != null) {
                cc.putArray("coding").addObject().put("system", MDC).put("code", String.valueOf(131328 + term))
                        .put("display", "MDC_ECG_ELEC_POTL_" + AecgReader.leadLabel(lead.label().toUpperCase(Locale.ROOT)));
            }
            cc.put("text", lead.label());
            BigDecimal factor = new BigDecimal(Decimals.reciprocal(lead.gain())).multiply(microvoltsPer(lead.unit()));
            ObjectNode sd = c.putObject("valueSampledData");
            sd.putObject("origin").put("value", factor.multiply(BigDecimal.valueOf(-(long) lead.baseline())).stripTrailingZeros())
                    .put("unit", "uV").put("system", UCUM).put("code", "uV");
            sd.put("period", period.stripTrailingZeros());
            sd.put("factor", factor.stripTrailingZeros());
            int[] x = lead.samples();
            if (x.length > 0) {
                // EcgLead does not carry the ADC range, so the observed extremes are the limits the data stay within.
                int min = Integer.MAX_VALUE;
                int max = Integer.MIN_VALUE;
                for (int v : x) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                sd.put("lowerLimit", factor.multiply(BigDecimal.valueOf((long) min - lead.baseline())).stripTrailingZeros());
                sd.put("upperLimit", factor.multiply(BigDecimal.valueOf((long) max - lead.baseline())).stripTrailingZeros());
            }
            sd.put("dimensions", 1);
            StringBuilder data = new StringBuilder(x.length * 5);
            for (int i = 0; i < x.length; i++) {
                if (i > 0) {
                    data.append(' ');
                }
                data.append(x[i]);
            }
            sd.put("data", data.toString());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Jackson failed to serialise a tree it built", e);
        }
    }

    /** {@link #read(String, String)} for JSON without a file name. */
    public static EcgRecord read(String json) {
        return read(json, "FHIR Observation");
    }

    /**
     * Reads an Observation with SampledData components back into a recording: one lead per component, integers as
     * in {@code data}, gain {@code 1 / factor} per microvolt.
     *
     * @param source names the origin in error messages
     * @throws FhirFormatException when the JSON is malformed or is not an Observation of equally sampled leads
     */
    public static EcgRecord read(String json, String source) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FhirFormatException(source, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (o == null || !o.isObject() || !"Observation".equals(o.path("resourceType").asText())) {
            throw new FhirFormatException(source, "not a FHIR Observation (resourceType is '" + (o == null ? "" : o.path("resourceType").asText()) + "')");
        }
        String id = null;
        for (JsonNode ident : o.path("identifier")) {
            if (RECORD_SYSTEM.equals(ident.path("system").asText()) && ident.path("value").isTextual()) {
                id = ident.path("value").asText();
            }
        }
        if (id == null) {
            id = o.path("id").isTextual() ? o.path("id").asText() : "observation";
        }
        Instant start = null;
        JsonNode eff = o.path("effectiveDateTime");
        if (eff.isTextual() && eff.asText().contains("T")) {
            try {
                start = OffsetDateTime.parse(eff.asText()).toInstant();
            } catch (DateTimeException e) {
                throw new FhirFormatException(source, "effectiveDateTime is not a FHIR dateTime: '" + eff.asText() + "'", e);
            }
        }
        BigDecimal period = null;
        List<EcgLead> leads = new ArrayList<>();
        for (JsonNode c : o.path("component")) {
            JsonNode sd = c.path("valueSampledData");
            if (!sd.isObject()) {
                continue;
            }
            String label = label(c.path("code"), leads.size());
            BigDecimal p = number(sd, "period", source, label);
            if (p.signum() <= 0) {
                throw new FhirFormatException(source, "lead " + label + ": period must be positive, not " + p);
            }
            if (period != null && period.compareTo(p) != 0) {
                throw new FhirFormatException(source, "lead " + label + " has period " + p + " ms but an earlier lead has " + period + " ms");
            }
            period = p;
            if (sd.has("dimensions") && sd.path("dimensions").asInt(-1) != 1) {
                throw new FhirFormatException(source, "lead " + label + ": only one dimension per component is supported, not " + sd.path("dimensions"));
            }
            BigDecimal factor = sd.has("factor") ? number(sd, "factor", source, label) : BigDecimal.ONE;
            if (factor.signum() <= 0) {
                throw new FhirFormatException(source, "lead " + label + ": factor must be positive, not " + factor);
            }
            JsonNode origin = sd.path("origin");
            BigDecimal originValue = origin.has("value") ? number(origin, "value", source, label) : BigDecimal.ZERO;
            String unit = origin.path("code").isTextual() ? origin.path("code").asText() : origin.path("unit").asText("uV");
            BigDecimal perUv;
            try {
                perUv = microvoltsPer(unit);
            } catch (IllegalArgumentException e) {
                throw new FhirFormatException(source, "lead " + label + ": " + e.getMessage());
            }
            BigDecimal factorUv = factor.multiply(perUv);
            BigDecimal b = originValue.multiply(perUv).negate().divide(factorUv, 0, RoundingMode.HALF_EVEN);
            if (b.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new FhirFormatException(source, "lead " + label + ": origin is out of range");
            }
            if (!sd.path("data").isTextual()) {
                throw new FhirFormatException(source, "lead " + label + ": valueSampledData has no data text");
            }
            int[] samples = integers(sd.path("data").asText(), source, label);
            leads.add(new EcgLead(label, samples, Decimals.reciprocalOf(factorUv), b.intValue(), "uV"));
        }
        if (leads.isEmpty()) {
            throw new FhirFormatException(source, "the Observation has no component with valueSampledData");
        }
        try {
            return new EcgRecord(id, start, Decimals.reciprocalOf(period.movePointLeft(3)), leads, List.of(), List.of());
        } catch (IllegalArgumentException e) {
            throw new FhirFormatException(source, e.getMessage(), e);
        }
    }

    private static String label(JsonNode code, int index) {
        if (code.path("text").isTextual() && !code.path("text").asText().isBlank()) {
            return code.path("text").asText();
        }
        for (JsonNode c : code.path("coding")) {
            String d = c.path("display").asText("");
            if (d.startsWith("MDC_ECG_ELEC_POTL_")) {
                return AecgReader.leadLabel(d.substring("MDC_ECG_ELEC_POTL_".length()));
            }
            if (d.startsWith(AecgReader.LEAD_PREFIX)) {
                return AecgReader.leadLabel(d.substring(AecgReader.LEAD_PREFIX.length()));
            }
        }
        return "lead " + index;
    }

    private static BigDecimal number(JsonNode parent, String field, String source, String label) {
        JsonNode n = parent.path(field);
        if (!n.isNumber()) {
            throw new FhirFormatException(source, "lead " + label + ": " + field + " is not a number: " + n);
        }
        BigDecimal d = n.decimalValue();
        if (Math.abs(d.scale()) > 60 || d.precision() > 60) {
            throw new FhirFormatException(source, "lead " + label + ": " + field + " is out of range: " + n);
        }
        return d;
    }

    /** SampledData.data: decimals or E, L, U separated by single spaces (R4 datatypes); only integers are samples. */
    private static int[] integers(String data, String source, String label) {
        String s = data.strip();
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] t = s.split(" +");
        int[] out = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            if (!t[i].matches("[+-]?\\d{1,10}")) {
                throw new FhirFormatException(source, "lead " + label + ": data point " + i + " is '" + t[i]
                        + "', not an integer sample (E, L, U and fractions cannot be kept as stored integers)");
            }
            long v = Long.parseLong(t[i]);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new FhirFormatException(source, "lead " + label + ": data point " + i + " is out of integer range: " + t[i]);
            }
            out[i] = (int) v;
        }
        return out;
    }

    private static boolean hasTwelveLeads(EcgRecord r) {
        return r.leads().stream().map(l -> l.label().toUpperCase(Locale.ROOT)).filter(LEAD_CODES::containsKey)
                .distinct().count() == 12;
    }

    private static BigDecimal microvoltsPer(String unit) {
        return switch (unit) {
            case "uV" -> BigDecimal.ONE;
            case "mV" -> BigDecimal.valueOf(1000);
            case "V" -> BigDecimal.valueOf(1_000_000);
            default -> throw new IllegalArgumentException("unit " + unit + " is not a voltage (uV, mV, V)");
        };
    }

    /** FHIR ids are 1-64 characters of letters, digits, '-' and '.' (R4 datatypes, id). */
    private static String fhirId(String id) {
        String s = id.replaceAll("[^A-Za-z0-9.-]", "-");
        s = s.isEmpty() ? "ecg" : s;
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    private static void coding(ObjectNode concept, String system, String code, String display) {
        concept.putArray("coding").addObject().put("system", system).put("code", code).put("display", display);
    }
}
