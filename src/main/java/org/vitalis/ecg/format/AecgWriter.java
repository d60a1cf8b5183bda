package org.vitalis.ecg.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an {@link EcgRecord} as an HL7 v3 annotated ECG document (HL7 Version 3 Standard: Annotated ECG,
 * Release 1; schema PORT_MT020001 of the 2003-12 ballot that the FDA publishes) which {@link AecgReader} reads back
 * to the same integers, gains and baselines.
 *
 * <p>Each lead is a {@code SLIST_PQ} with {@code scale = 1 / gain} and {@code origin = -baseline * scale} in the
 * lead's unit, so the digits are the stored integers. Leads whose names MDC (ISO/IEEE 11073-10101) defines get
 * their {@code MDC_ECG_LEAD_*} code; any other lead (e.g. MIT-BIH's MLII) gets {@code nullFlavor="OTH"} with its
 * name as original text rather than an invented MDC code. The trial subject and trial, which the schema requires but
 * a clinic recording does not have, are written with {@code nullFlavor="NI"} (no information). Events become
 * annotations of the rhythm series with a time region; the WFDB beat list is not written (aECG beats are
 * annotations with waveform boundaries, which a beat label alone cannot fill).
 *
 * <p>Time stamps are written in UTC with an explicit {@code +0000} offset. A recording without a start time gets
 * {@code nullFlavor="UNK"} effective times and a {@code TIME_RELATIVE} sequence.
 */
public final class AecgWriter {
    static final String MDC_OID = "2.16.840.1.113883.6.24";
    static final String ACT_CODE_OID = "2.16.840.1.113883.5.4";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Lead names with an MDC_ECG_LEAD_ code (ISO/IEEE 11073-10101, as listed by the aECG implementation guide). */
    private static final Set<String> MDC_LEADS = Set.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3",
            "V4", "V5", "V6", "V7", "V8", "V9", "V2R", "V3R", "V4R", "V5R", "V6R", "V7R", "X", "Y", "Z", "ES", "AS",
            "AI");

    private AecgWriter() {
    }

    public static void write(EcgRecord record, Path file) throws IOException {
        Files.write(file, write(record));
    }

    /**
     * The document as UTF-8 bytes.
     *
     * @throws IllegalArgumentException when a lead's unit is not a voltage (V, mV, uV, nV), which SLIST_PQ here needs
     */
    public static byte[] write(EcgRecord record) {
        for (EcgLead lead : record.leads()) {
            if (!Set.of("V", "mV", "uV", "nV").contains(lead.unit())) {
                throw new IllegalArgumentException("Lead " + lead.label() + " has unit '" + lead.unit() + "', not a voltage");
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(record.sampleCount() * record.leads().size() * 5 + 4096);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            new AecgWriter().document(w, record);
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("StAX failed writing to memory", e);
        }
        return bytes.toByteArray();
    }

    private int depth;

    private void document(XMLStreamWriter w, EcgRecord r) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.setDefaultNamespace(AecgReader.HL7);
        w.setPrefix("xsi", AecgReader.XSI);
        open(w, "AnnotatedECG");
        w.writeDefaultNamespace(AecgReader.HL7);
        w.writeNamespace("xsi", AecgReader.XSI);
        empty(w, "id", "root", UUID.nameUUIDFromBytes(r.id().getBytes(StandardCharsets.UTF_8)).toString(),
                "extension", xmlText(r.id()));
        empty(w, "code", "code", "93000", "codeSystem", "2.16.840.1.113883.6.12", "codeSystemName", "CPT-4");
        Instant end = r.start() == null ? null : r.start().plusNanos(Math.round(r.durationSeconds() * 1e9));
        interval(w, r.start(), end);
        open(w, "componentOf");
        open(w, "timepointEvent");
        open(w, "componentOf");
        open(w, "subjectAssignment");
        open(w, "subject");
        open(w, "trialSubject");
        empty(w, "id", "nullFlavor", "NI");
        close(w, 2);
        open(w, "componentOf");
        open(w, "clinicalTrial");
        empty(w, "id", "nullFlavor", "NI");
        close(w, 6);

        open(w, "component");
        open(w, "series");
        empty(w, "code", "code", "RHYTHM", "codeSystem", ACT_CODE_OID, "codeSystemName", "ActCode",
                "displayName", "Rhythm Waveforms");
        interval(w, r.start(), end);
        open(w, "component");
        open(w, "sequenceSet");
        open(w, "component");
        open(w, "sequence");
        String increment = Decimals.reciprocal(r.samplingFrequency());
        if (r.start() != null) {
            empty(w, "code", "code", "TIME_ABSOLUTE", "codeSystem", ACT_CODE_OID, "codeSystemName", "ActCode");
            openTyped(w, "GLIST_TS");
            empty(w, "head", "value", ts(r.start()));
        } else {
            empty(w, "code", "code", "TIME_RELATIVE", "codeSystem", ACT_CODE_OID, "codeSystemName", "ActCode");
            openTyped(w, "GLIST_PQ");
            empty(w, "head", "value", "0", "unit", "s");
        }
        empty(w, "increment", "value", increment, "unit", "s");
        close(w, 3);
        for (EcgLead lead : r.leads()) {
            open(w, "component");
            open(w, "sequence");
            String mdc = lead.label().toUpperCase(Locale.ROOT);
            if (MDC_LEADS.contains(mdc)) {
                empty(w, "code", "code", AecgReader.LEAD_PREFIX + mdc, "codeSystem", MDC_OID, "codeSystemName", "MDC");
            } else {
                open(w, "code");
                w.writeAttribute("nullFlavor", "OTH");
                w.writeAttribute("codeSystem", MDC_OID);
                open(w, "originalText");
                w.writeCharacters(xmlText(lead.label()));
                depth--;
                w.writeEndElement();
                close(w, 1);
            }
            openTyped(w, "SLIST_PQ");
            BigDecimal scale = new BigDecimal(Decimals.reciprocal(lead.gain()));
            String unit = lead.unit();
            empty(w, "origin", "value", Decimals.plain(scale.multiply(BigDecimal.valueOf(-(long) lead.baseline()))),
                    "unit", unit);
            empty(w, "scale", "value", Decimals.plain(scale), "unit", unit);
            open(w, "digits");
            w.writeCharacters(digits(lead.samples()));
            depth--;
            w.writeEndElement();
            close(w, 3);
        }
        close(w, 2);
        if (!r.events().isEmpty()) {
            events(w, r);
        }
        close(w, 3);
        w.writeCharacters("\n");
        w.writeEndDocument();
    }

    private void events(XMLStreamWriter w, EcgRecord r) throws XMLStreamException {
        open(w, "subjectOf");
        open(w, "annotationSet");
        for (EcgEvent e : r.events()) {
            open(w, "component");
            open(w, "annotation");
            // The aECG implementation guide codes free-text statements MDC_ECG_INTERPRETATION_STATEMENT with an ST value.
            empty(w, "code", "code", AecgReader.STATEMENT, "codeSystem", MDC_OID, "codeSystemName", "MDC");
            openTyped(w, "ST");
            w.writeCharacters(xmlText(e.text()));
            depth--;
            w.writeEndElement();
            open(w, "support");
            open(w, "supportingROI");
            empty(w, "code", "code", "ROIPS", "codeSystem", ACT_CODE_OID);
            open(w, "component");
            open(w, "boundary");
            empty(w, "code", "code", "TIME_RELATIVE", "codeSystem", ACT_CODE_OID, "codeSystemName", "ActCode");
            openTyped(w, "IVL_PQ");
            empty(w, "low", "value", Decimals.plain(e.onsetSeconds()), "unit", "s");
            empty(w, "high", "value", Decimals.plain(e.onsetSeconds() + e.durationSeconds()), "unit", "s");
            close(w, 7);
        }
        close(w, 2);
    }

    private void interval(XMLStreamWriter w, Instant start, Instant end) throws XMLStreamException {
        if (start == null) {
            empty(w, "effectiveTime", "nullFlavor", "UNK");
            return;
        }
        open(w, "effectiveTime");
        empty(w, "low", "value", ts(start), "inclusive", "true");
        empty(w, "high", "value", ts(end), "inclusive", "false");
        close(w, 1);
    }

    /** XML 1.0 cannot carry most control characters, even escaped (XML 1.0 section 2.2); they become blanks. */
    static String xmlText(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF ? c : ' '));
        return b.toString();
    }

    static String ts(Instant t) {
        return TS.format(t) + "+0000";
    }

    private static String digits(int[] x) {
        StringBuilder sb = new StringBuilder(x.length * 5);
        for (int i = 0; i < x.length; i++) {
            if (i > 0) {
                sb.append(i % 20 == 0 ? '\n' : ' ');
            }
            sb.append(x[i]);
        }
        return sb.toString();
    }

    private void indent(XMLStreamWriter w) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    private void open(XMLStreamWriter w, String name) throws XMLStreamException {
        indent(w);
        w.writeStartElement(AecgReader.HL7, name);
        depth++;
    }

    private void openTyped(XMLStreamWriter w, String type) throws XMLStreamException {
        open(w, "value");
        w.writeAttribute("xsi", AecgReader.XSI, "type", type);
    }

    private void empty(XMLStreamWriter w, String name, String... attributes) throws XMLStreamException {
        indent(w);
        w.writeEmptyElement(AecgReader.HL7, name);
        for (int i = 0; i < attributes.length; i += 2) {
            w.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    private void close(XMLStreamWriter w, int n) throws XMLStreamException {
        for (int i = 0; i < n; i++) {
            depth--;
            indent(w);
            w.writeEndElement();
        }
    }
}
