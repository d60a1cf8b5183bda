package org.vitalis.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.ecg.signal.HeartRateVariability;
import org.vitalis.ecg.signal.Intervals;
import org.vitalis.ecg.signal.LeadQuality;
import org.vitalis.ecg.signal.QrsDetection;
import org.vitalis.ecg.signal.RhythmAnalysis;
import org.vitalis.ecg.signal.VfDetector;

/**
 * An {@link EcgAnalysis} as stored JSON, field by field with names of its own, so the stored form does not change
 * when a record component is renamed, and an analysis stored years ago still reads. Numbers are written in Java's
 * shortest round-trip form and so read back as the same doubles; NaN (not measured) is written as null.
 */
final class EcgAnalysisJson {
    /** Bumped when the layout changes; readers keep reading every older one. */
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EcgAnalysisJson() {
    }

    static String write(EcgAnalysis a) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("algorithmVersion", a.algorithmVersion());
        strings(root.putArray("labels"), a.labels());
        number(root, "samplingFrequency", a.samplingFrequency());
        number(root, "durationS", a.durationS());
        root.put("detectionLead", a.detectionLead());
        ObjectNode beats = root.putObject("beats");
        ArrayNode samples = beats.putArray("samples");
        for (int b : a.beats().beats()) {
            samples.add(b);
        }
        number(beats, "samplingFrequency", a.beats().samplingFrequency());
        beats.put("algorithmVersion", a.beats().algorithmVersion());
        ArrayNode vf = beats.putArray("ventricularFibrillation");
        for (VfDetector.Episode e : a.beats().ventricularFibrillation()) {
            ObjectNode o = vf.addObject();
            o.put("start", e.start());
            o.put("end", e.end());
            number(o, "dominantHz", e.dominantHz());
            number(o, "leakage", e.leakage());
        }
        a.heartRate().ifPresentOrElse(h -> {
            ObjectNode o = root.putObject("heartRate");
            o.put("intervals", h.intervals());
            number(o, "meanRr", h.meanRr());
            number(o, "heartRate", h.heartRate());
            number(o, "sdnn", h.sdnn());
            number(o, "rmssd", h.rmssd());
            number(o, "pnn50", h.pnn50());
            o.put("algorithmVersion", h.algorithmVersion());
        }, () -> root.putNull("heartRate"));
        RhythmAnalysis r = a.rhythm();
        ObjectNode rhythm = root.putObject("rhythm");
        rhythm.put("beats", r.beats());
        number(rhythm, "meanHeartRate", r.meanHeartRate());
        ArrayNode flags = rhythm.putArray("flags");
        for (RhythmAnalysis.Flag f : r.flags()) {
            ObjectNode o = flags.addObject();
            o.put("kind", f.kind().name());
            number(o, "startS", f.startS());
            number(o, "endS", f.endS());
            o.put("evidence", f.evidence());
        }
        rhythm.put("algorithmVersion", r.algorithmVersion());
        Intervals iv = a.intervals();
        ObjectNode intervals = root.putObject("intervals");
        intervals.put("beatsAveraged", iv.beatsAveraged());
        number(intervals, "rrMs", iv.rrMs());
        intervals.put("pWavePresent", iv.pWavePresent());
        number(intervals, "pOnsetMs", iv.pOnsetMs());
        number(intervals, "qrsOnsetMs", iv.qrsOnsetMs());
        number(intervals, "qrsOffsetMs", iv.qrsOffsetMs());
        number(intervals, "tEndMs", iv.tEndMs());
        number(intervals, "prMs", iv.prMs());
        number(intervals, "qrsMs", iv.qrsMs());
        number(intervals, "qtMs", iv.qtMs());
        number(intervals, "qtcBazettMs", iv.qtcBazettMs());
        number(intervals, "qtcFridericiaMs", iv.qtcFridericiaMs());
        intervals.put("note", iv.note());
        intervals.put("algorithmVersion", iv.algorithmVersion());
        ArrayNode quality = root.putArray("quality");
        for (LeadQuality q : a.quality()) {
            ObjectNode o = quality.addObject();
            o.put("label", q.label());
            ArrayNode problems = o.putArray("problems");
            for (LeadQuality.Problem p : q.problems()) {
                ObjectNode po = problems.addObject();
                po.put("kind", p.kind().name());
                number(po, "startS", p.startS());
                number(po, "endS", p.endS());
                po.put("evidence", p.evidence());
            }
            number(o, "usableFraction", q.usableFraction());
            number(o, "noiseRatio", q.noiseRatio());
            o.put("algorithmVersion", q.algorithmVersion());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An analysis tree always serialises", e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a stored analysis this version can read */
    static EcgAnalysis read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The stored ECG analysis is not readable JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The stored ECG analysis is not a JSON object.");
        }
        int format = root.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new IllegalArgumentException("The stored ECG analysis has format " + format + "; this version reads "
                    + FORMAT + ".");
        }
        try {
            JsonNode beats = object(root, "beats");
            JsonNode samples = array(beats, "samples");
            int[] r = new int[samples.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = integer(samples.get(i), "beat");
            }
            // absent from analyses stored before ventricular flutter/fibrillation was looked for: then there was none
            List<VfDetector.Episode> vf = new ArrayList<>();
            if (beats.has("ventricularFibrillation")) {
                for (JsonNode e : array(beats, "ventricularFibrillation")) {
                    vf.add(new VfDetector.Episode(integer(e.get("start"), "VF start"), integer(e.get("end"), "VF end"),
                            number(e, "dominantHz"), number(e, "leakage")));
                }
            }
            QrsDetection detection = new QrsDetection(r, number(beats, "samplingFrequency"), text(beats, "algorithmVersion"),
                    vf);
            JsonNode hr = root.get("heartRate");
            Optional<HeartRateVariability.Result> heartRate = hr == null || hr.isNull() ? Optional.empty()
                    : Optional.of(new HeartRateVariability.Result(integer(hr.get("intervals"), "intervals"),
                            number(hr, "meanRr"), number(hr, "heartRate"), number(hr, "sdnn"), number(hr, "rmssd"),
                            number(hr, "pnn50"), text(hr, "algorithmVersion")));
            JsonNode rh = object(root, "rhythm");
            List<RhythmAnalysis.Flag> flags = new ArrayList<>();
            for (JsonNode f : array(rh, "flags")) {
                flags.add(new RhythmAnalysis.Flag(RhythmAnalysis.Kind.valueOf(text(f, "kind")), number(f, "startS"),
                        number(f, "endS"), text(f, "evidence")));
            }
            RhythmAnalysis rhythm = new RhythmAnalysis(integer(rh.get("beats"), "beats"), number(rh, "meanHeartRate"),
                    flags, text(rh, "algorithmVersion"));
            JsonNode iv = object(root, "intervals");
            JsonNode pWave = iv.get("pWavePresent");
            if (pWave == null || !pWave.isBoolean()) {
                throw new IllegalArgumentException("pWavePresent is not true or false");
            }
            Intervals intervals = new Intervals(integer(iv.get("beatsAveraged"), "beatsAveraged"), number(iv, "rrMs"),
                    pWave.booleanValue(), number(iv, "pOnsetMs"), number(iv, "qrsOnsetMs"), number(iv, "qrsOffsetMs"),
                    number(iv, "tEndMs"), number(iv, "prMs"), number(iv, "qrsMs"), number(iv, "qtMs"),
                    number(iv, "qtcBazettMs"), number(iv, "qtcFridericiaMs"), text(iv, "note"),
                    text(iv, "algorithmVersion"));
            List<LeadQuality> quality = new ArrayList<>();
            for (JsonNode q : array(root, "quality")) {
                List<LeadQuality.Problem> problems = new ArrayList<>();
                for (JsonNode p : array(q, "problems")) {
                    problems.add(new LeadQuality.Problem(LeadQuality.Kind.valueOf(text(p, "kind")), number(p, "startS"),
                            number(p, "endS"), text(p, "evidence")));
                }
                quality.add(new LeadQuality(text(q, "label"), problems, number(q, "usableFraction"),
                        number(q, "noiseRatio"), text(q, "algorithmVersion")));
            }
            List<String> labels = new ArrayList<>();
            for (JsonNode l : array(root, "labels")) {
                labels.add(l.isTextual() ? l.textValue() : fail("a lead label is not text"));
            }
            return new EcgAnalysis(labels, number(root, "samplingFrequency"), number(root, "durationS"),
                    integer(root.get("detectionLead"), "detectionLead"), detection, heartRate, rhythm, intervals, quality,
                    text(root, "algorithmVersion"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("The stored ECG analysis is incomplete or damaged: " + e.getMessage(), e);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) {
            o.putNull(field);
        } else if (Double.isInfinite(v)) {
            o.put(field, v > 0 ? "Infinity" : "-Infinity");
        } else {
            o.put(field, v);
        }
    }

    private static double number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual() && (v.textValue().equals("Infinity") || v.textValue().equals("-Infinity"))) {
            return Double.parseDouble(v.textValue());
        }
        return fail(field + " is not a number");
    }

    private static int integer(JsonNode v, String what) {
        if (v == null || !v.isInt()) {
            return fail(what + " is not an integer");
        }
        return v.intValue();
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isTextual() ? v.textValue() : fail(field + " is not text");
    }

    private static JsonNode object(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isObject() ? v : fail(field + " is missing");
    }

    private static JsonNode array(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isArray() ? v : fail(field + " is not a list");
    }

    private static <T> T fail(String problem) {
        throw new IllegalArgumentException(problem);
    }
}
