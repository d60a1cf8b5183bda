package org.vitalis.ecg.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads an HL7 v3 annotated ECG (aECG, HL7 Version 3 Standard: Annotated ECG, Release 1, 2004; the format the FDA
 * accepts for ECG waveforms) into an {@link EcgRecord}.
 *
 * <p>The leads are the {@code SLIST_PQ} sequences of the first rhythm series ({@code series/code = RHYTHM}), not
 * the derived representative beats. A sequence's value is {@code origin + scale * digit}; the digits are kept as the
 * integer samples, the gain is {@code 1 / scale} in the scale's unit and the baseline is {@code -origin / scale}, so
 * nothing is rounded. The sampling rate is the reciprocal of the time sequence's increment ({@code GLIST_TS} for
 * {@code TIME_ABSOLUTE}, {@code GLIST_PQ} for {@code TIME_RELATIVE}). Annotations of the rhythm series with a time
 * region of interest, and global ones without children (measurements, interpretation statements), become
 * {@link EcgEvent}s.
 *
 * <p>HL7 v3 time stamps without a UTC offset are taken as UTC: the document does not say which zone it means.
 */
public final class AecgReader {
    static final String HL7 = "urn:hl7-org:v3";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String LEAD_PREFIX = "MDC_ECG_LEAD_";
    static final String STATEMENT = "MDC_ECG_INTERPRETATION_STATEMENT";

    private final String source;

    private AecgReader(String source) {
        this.source = source;
    }

    /**
     * Reads an aECG file.
     *
     * @throws AecgFormatException when the file is not well-formed XML or not an aECG document this reader understands
     */
    public static EcgRecord read(Path file) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return read(Files.readAllBytes(file), file.toString(), dot > 0 ? name.substring(0, dot) : name);
    }

    /**
     * Reads an aECG document from bytes.
     *
     * @param source    names the origin in error messages
     * @param defaultId record id when the document's own id is missing
     * @throws AecgFormatException when the bytes are not an aECG document this reader understands
     */
    public static EcgRecord read(byte[] xml, String source, String defaultId) {
        Document doc;
        try {
            doc = SecureXml.documentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new AecgFormatException(source, "not well-formed XML: " + e.getMessage(), e);
        }
        return new AecgReader(source).record(doc.getDocumentElement(), defaultId);
    }

    private EcgRecord record(Element root, String defaultId) {
        if (!"AnnotatedECG".equals(root.getLocalName())) {
            throw fail("root element is <" + root.getNodeName() + ">, not <AnnotatedECG>");
        }
        String id = defaultId;
        Element idEl = child(root, "id");
        if (idEl != null) {
            String ext = idEl.getAttribute("extension");
            id = !ext.isEmpty() ? ext : !idEl.getAttribute("root").isEmpty() ? idEl.getAttribute("root") : defaultId;
        }
        Element series = null;
        for (Element c : children(root, "component")) {
            Element s = child(c, "series");
            if (s != null && (series == null || "RHYTHM".equals(codeOf(s)) && !"RHYTHM".equals(codeOf(series)))) {
                series = s;
            }
        }
        if (series == null) {
            throw fail("no component/series holds waveforms");
        }
        Element set = null;
        for (Element c : children(series, "component")) {
            set = child(c, "sequenceSet");
            if (set != null) {
                break;
            }
        }
        if (set == null) {
            throw fail("series has no sequenceSet");
        }
        Instant start = null;
        BigDecimal period = null;
        List<EcgLead> leads = new ArrayList<>();
        for (Element c : children(set, "component")) {
            Element seq = child(c, "sequence");
            if (seq == null) {
                continue;
            }
            String code = codeOf(seq);
            Element value = child(seq, "value");
            if (value == null) {
                throw fail("sequence " + code + " has no value");
            }
            String type = xsiType(value);
            switch (type) {
                case "GLIST_TS", "GLIST_PQ" -> {
                    if (period != null) {
                        throw fail("more than one time sequence in the sequenceSet");
                    }
                    Element inc = required(value, "increment", code);
                    period = seconds(decimal(inc, "value"), inc.getAttribute("unit"), code + " increment");
                    if (period.signum() <= 0) {
                        throw fail(code + " increment must be positive, not " + period + " s");
                    }
                    if (type.equals("GLIST_TS")) {
                        start = timestamp(required(value, "head", code).getAttribute("value"));
                    }
                }
                case "SLIST_PQ" -> leads.add(lead(code, seq, value, leads.size()));
                default -> {
                    // other sequence types (e.g. SLIST_INT of pacemaker spikes) are not waveforms of a lead
                }
            }
        }
        if (period == null) {
            throw fail("sequenceSet has no TIME_ABSOLUTE or TIME_RELATIVE sequence, so the sampling rate is unknown");
        }
        if (leads.isEmpty()) {
            throw fail("sequenceSet has no SLIST_PQ lead sequences");
        }
        if (start == null) {
            start = effectiveStart(series);
            if (start == null) {
                start = effectiveStart(root);
            }
        }
        double fs = Decimals.reciprocalOf(period);
        List<EcgEvent> events = new ArrayList<>();
        for (Element so : children(series, "subjectOf")) {
            Element as = child(so, "annotationSet");
            if (as != null) {
                for (Element c : children(as, "component")) {
                    Element a = child(c, "annotation");
                    if (a != null) {
                        annotation(a, start, events, 0, 0, "");
                    }
                }
            }
        }
        try {
            return new EcgRecord(id, start, fs, leads, List.of(), events);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private EcgLead lead(String code, Element seq, Element value, int index) {
        String label;
        if (code.startsWith(LEAD_PREFIX) && code.length() > LEAD_PREFIX.length()) {
            label = leadLabel(code.substring(LEAD_PREFIX.length()));
        } else if (!code.isEmpty()) {
            label = code;
        } else {
            Element ot = child(child(seq, "code"), "originalText");
            label = ot != null && !ot.getTextContent().isBlank() ? ot.getTextContent().strip() : "lead " + index;
        }
        Element scaleEl = required(value, "scale", label);
        BigDecimal scale = decimal(scaleEl, "value");
        if (scale.signum() <= 0) {
            throw fail("lead " + label + ": scale must be positive, not " + scale);
        }
        String unit = scaleEl.getAttribute("unit");
        voltsPer(unit, label);
        int baseline = 0;
        Element originEl = child(value, "origin");
        if (originEl != null) {
            BigDecimal origin = decimal(originEl, "value");
            String ou = originEl.getAttribute("unit").isEmpty() ? unit : originEl.getAttribute("unit");
            origin = origin.multiply(voltsPer(ou, label)).divide(voltsPer(unit, label));
            BigDecimal b = origin.negate().divide(scale, 0, RoundingMode.HALF_EVEN);
            if (b.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw fail("lead " + label + ": origin " + origin + " is " + b + " scale steps from zero");
            }
            baseline = b.intValue();
        }
        Element digits = required(value, "digits", label);
        int[] samples = digits(digits.getTextContent(), label);
        try {
            return new EcgLead(label, samples, Decimals.reciprocalOf(scale), baseline, unit);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    /** MDC lead names are upper case (MDC_ECG_LEAD_AVR); clinicians write aVR, aVL, aVF. */
    static String leadLabel(String mdc) {
        return switch (mdc) {
            case "AVR" -> "aVR";
            case "AVL" -> "aVL";
            case "AVF" -> "aVF";
            default -> mdc;
        };
    }

    private int[] digits(String text, String label) {
        int[] out = new int[Math.max(16, text.length() / 3)];
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            char ch = text.charAt(i);
            if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
                i++;
                continue;
            }
            int j = i;
            if (ch == '-' || ch == '+') {
                j++;
            }
            long v = 0;
            int d0 = j;
            while (j < len && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                v = v * 10 + (text.charAt(j) - '0');
                if (v > 1L << 31) {
                    throw fail("lead " + label + ": digit out of integer range near '" + text.substring(i, Math.min(len, j + 1)) + "'");
                }
                j++;
            }
            if (j == d0 || j < len && !Character.isWhitespace(text.charAt(j))) {
                throw fail("lead " + label + ": digits must be integers separated by blanks, found '"
                        + text.substring(i, Math.min(len, Math.max(j + 1, i + 12))).strip() + "'");
            }
            v = ch == '-' ? -v : v;
            if (v > Integer.MAX_VALUE) {
                throw fail("lead " + label + ": digit " + v + " is out of integer range");
            }
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = (int) v;
            i = j;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Adds the events of one annotation and its nested ones. A measurement without its own region (a beat's PR
     * interval, say) happens where its parent does: {@code context} is the onset it inherits.
     */
    private void annotation(Element a, Instant start, List<EcgEvent> events, int depth, double context, String prefix) {
        if (depth > 32) {
            throw fail("annotations nested more than 32 deep");
        }
        String code = codeOf(a);
        Element value = child(a, "value");
        String text = null;
        if (value != null) {
            switch (xsiType(value)) {
                case "CE", "CD", "CV", "CS" -> {
                    String v = value.getAttribute("code");
                    text = v.isEmpty() ? value.getAttribute("displayName") : v;
                }
                case "ST", "ED" -> text = STATEMENT.equals(code) ? value.getTextContent()
                        : code + " " + value.getTextContent().strip();
                case "PQ" -> text = code + " " + value.getAttribute("value") + " " + value.getAttribute("unit");
                default -> text = code;
            }
        }
        if (text == null || text.isBlank()) {
            text = code;
        }
        text = prefix + text;
        List<Element> nested = new ArrayList<>();
        for (Element c : children(a, "component")) {
            Element n = child(c, "annotation");
            if (n != null) {
                nested.add(n);
            }
        }
        String[] lead = new String[1];
        double[] span = region(a, start, lead);
        double here = context;
        if (span != null) {
            String suffix = Double.isNaN(span[0]) ? " end" : Double.isNaN(span[1]) ? " start" : "";
            here = Double.isNaN(span[0]) ? span[1] : span[0];
            double duration = Double.isNaN(span[0]) || Double.isNaN(span[1]) ? 0 : Math.max(0, span[1] - span[0]);
            events.add(event(here, duration, text + suffix + (lead[0] == null ? "" : " in lead " + lead[0])));
        } else {
            double first = Double.NaN;
            for (Element n : nested) {
                double[] s = region(n, start, new String[1]);
                if (s != null) {
                    double on = Double.isNaN(s[0]) ? s[1] : s[0];
                    first = Double.isNaN(first) ? on : Math.min(first, on);
                }
            }
            here = Double.isNaN(first) ? context : first;
            if (nested.isEmpty() && value != null && !text.equals(code)) {
                events.add(event(here, 0, text));
            }
        }
        // Points of a wave (MDC_ECG_WAVC_TYPE RWAVE > PEAK) only make sense with the wave's name.
        String childPrefix = span == null && "MDC_ECG_WAVC_TYPE".equals(code) ? text + " " : "";
        for (Element n : nested) {
            annotation(n, start, events, depth + 1, here, childPrefix);
        }
    }

    /** The time region of an annotation's supportingROI, or null; {@code lead[0]} receives the lead it names. */
    private double[] region(Element a, Instant start, String[] lead) {
        double[] span = null;
        for (Element support : children(a, "support")) {
            Element roi = child(support, "supportingROI");
            if (roi == null) {
                continue;
            }
            for (Element c : children(roi, "component")) {
                Element boundary = child(c, "boundary");
                if (boundary == null) {
                    continue;
                }
                String bc = codeOf(boundary);
                Element bv = child(boundary, "value");
                if (bc.startsWith(LEAD_PREFIX)) {
                    lead[0] = leadLabel(bc.substring(LEAD_PREFIX.length()));
                } else if (bv != null && "TIME_ABSOLUTE".equals(bc)) {
                    span = span(bv, start, true);
                } else if (bv != null && "TIME_RELATIVE".equals(bc)) {
                    span = span(bv, start, false);
                }
            }
        }
        return span;
    }

    private EcgEvent event(double onset, double duration, String text) {
        try {
            return new EcgEvent(onset, duration, text);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    /** Onset and end in seconds from the start; NaN where the region leaves a side open. */
    private double[] span(Element v, Instant start, boolean absolute) {
        double[] out = {Double.NaN, Double.NaN};
        String type = xsiType(v);
        if (absolute) {
            if (start == null) {
                throw fail("an annotation has an absolute time but the recording's start is unknown");
            }
            Element low = child(v, "low");
            Element high = child(v, "high");
            if (type.equals("TS")) {
                low = v;
                high = v;
            }
            if (low != null) {
                out[0] = secondsBetween(start, timestamp(low.getAttribute("value")));
            }
            if (high != null) {
                out[1] = secondsBetween(start, timestamp(high.getAttribute("value")));
            }
        } else if (type.equals("PQ")) {
            out[0] = seconds(decimal(v, "value"), v.getAttribute("unit"), "relative time").doubleValue();
            out[1] = out[0];
        } else {
            Element low = child(v, "low");
            Element high = child(v, "high");
            if (low != null) {
                out[0] = seconds(decimal(low, "value"), low.getAttribute("unit"), "relative time").doubleValue();
            }
            if (high != null) {
                out[1] = seconds(decimal(high, "value"), high.getAttribute("unit"), "relative time").doubleValue();
            }
        }
        return Double.isNaN(out[0]) && Double.isNaN(out[1]) ? null : out;
    }

    private static double secondsBetween(Instant a, Instant b) {
        return (b.getEpochSecond() - a.getEpochSecond()) + (b.getNano() - a.getNano()) / 1e9;
    }

    private Instant effectiveStart(Element e) {
        Element t = child(e, "effectiveTime");
        if (t == null) {
            return null;
        }
        Element low = child(t, "low");
        if (low != null && !low.getAttribute("value").isEmpty()) {
            return timestamp(low.getAttribute("value"));
        }
        Element center = child(t, "center");
        if (center != null && !center.getAttribute("value").isEmpty()) {
            return timestamp(center.getAttribute("value"));
        }
        return null;
    }

    /** HL7 v3 TS: {@code YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZzz]} (HL7 V3 Data Types, Abstract Specification, TS). */
    Instant timestamp(String ts) {
        if (!ts.matches("\\d{4}(\\d{2}){0,5}(\\.\\d{1,9})?([+-]\\d{4})?")) {
            throw fail("time stamp is not an HL7 TS (YYYYMMDDHHMMSS.fff+ZZZZ): '" + ts + "'");
        }
        ZoneOffset zone = ZoneOffset.UTC;
        int sign = Math.max(ts.indexOf('+'), ts.indexOf('-'));
        try {
            if (sign > 0) {
                zone = ZoneOffset.of(ts.substring(sign, sign + 3) + ":" + ts.substring(sign + 3));
                ts = ts.substring(0, sign);
            }
            int dot = ts.indexOf('.');
            String digits = dot >= 0 ? ts.substring(0, dot) : ts;
            int nanos = 0;
            if (dot >= 0) {
                String frac = (ts.substring(dot + 1) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(frac);
            }
            int[] f = {0, 1, 1, 0, 0, 0};
            for (int k = 0; k < 6 && (k == 0 ? 4 : 4 + 2 * k) <= digits.length(); k++) {
                f[k] = k == 0 ? Integer.parseInt(digits.substring(0, 4)) : Integer.parseInt(digits.substring(2 + 2 * k, 4 + 2 * k));
            }
            return LocalDateTime.of(f[0], f[1], f[2], f[3], f[4], f[5], nanos).toInstant(zone);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw fail("time stamp is not a valid date and time: '" + ts + "'");
        }
    }

    private BigDecimal seconds(BigDecimal v, String unit, String what) {
        BigDecimal f = switch (unit) {
            case "s", "" -> BigDecimal.ONE;
            case "ms" -> new BigDecimal("0.001");
            case "us" -> new BigDecimal("0.000001");
            case "min" -> BigDecimal.valueOf(60);
            default -> throw fail(what + " has unit '" + unit + "', not a time unit (s, ms, us)");
        };
        return v.multiply(f);
    }

    private BigDecimal voltsPer(String unit, String label) {
        return switch (unit) {
            case "V" -> BigDecimal.ONE;
            case "mV" -> new BigDecimal("0.001");
            case "uV" -> new BigDecimal("0.000001");
            case "nV" -> new BigDecimal("0.000000001");
            default -> throw fail("lead " + label + ": origin and scale must be voltages (V, mV, uV, nV), not '" + unit + "'");
        };
    }

    private BigDecimal decimal(Element e, String attribute) {
        String s = e.getAttribute(attribute);
        if (!s.matches("[+-]?(\\d{1,30}(\\.\\d{0,30})?|\\.\\d{1,30})([eE][+-]?\\d{1,3})?")) {
            throw fail("<" + e.getLocalName() + "> " + attribute + " is not a number: '" + s + "'");
        }
        BigDecimal d = new BigDecimal(s);
        if (Math.abs(d.scale()) > 60) {
            throw fail("<" + e.getLocalName() + "> " + attribute + " is out of range: '" + s + "'");
        }
        return d;
    }

    private Element required(Element parent, String name, String where) {
        Element e = child(parent, name);
        if (e == null) {
            throw fail(where + ": <" + parent.getLocalName() + "> has no <" + name + ">");
        }
        return e;
    }

    private static String codeOf(Element e) {
        Element c = child(e, "code");
        return c == null ? "" : c.getAttribute("code");
    }

    private static String xsiType(Element e) {
        String t = e.getAttributeNS(XSI, "type");
        int colon = t.indexOf(':');
        return colon >= 0 ? t.substring(colon + 1) : t;
    }

    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && isHl7(e)) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && isHl7(e)) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean isHl7(Element e) {
        return e.getNamespaceURI() == null || HL7.equals(e.getNamespaceURI());
    }

    private AecgFormatException fail(String problem) {
        return new AecgFormatException(source, problem);
    }
}
