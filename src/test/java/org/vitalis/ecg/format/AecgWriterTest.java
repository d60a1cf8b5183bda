package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.ecg.SharedData;

class AecgWriterTest {

    @Test
    void the12LeadExampleRewrittenIsValidAndReadsBackTheSame(@TempDir Path tmp) throws Exception {
        EcgRecord r = AecgReader.read(SharedData.require("ecg-formats/hl7-aecg").resolve("ecg_hl7.xml"));
        Path out = tmp.resolve("out.xml");
        AecgWriter.write(r, out);
        byte[] xml = java.nio.file.Files.readAllBytes(out);
        assertThat(AecgSchema.violations(xml)).isEmpty();
        EcgRecord back = AecgReader.read(out);
        RecordAssert.sameSignals(back, r);
        assertThat(back.id()).isEqualTo(r.id());
    }

    @Test
    void wfdbRecord100sAsAecgIsValidAndLossless() throws Exception {
        EcgRecord r = WfdbFiles.read(SharedData.require("ecg-formats/wfdb-100s").resolve("100s.hea"));
        byte[] xml = AecgWriter.write(r);
        // MLII has no MDC code: written as nullFlavor OTH with the name as original text
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<originalText>MLII</originalText>")
                .contains("MDC_ECG_LEAD_V5").contains("<scale value=\"0.005\" unit=\"mV\"/>")
                .contains("<origin value=\"-5.12\" unit=\"mV\"/>");
        assertThat(AecgSchema.violations(xml)).isEmpty();
        EcgRecord back = AecgReader.read(xml, "100s.xml", "x");
        RecordAssert.sameSignals(back, r);
        assertThat(back.id()).isEqualTo("100s");
    }

    @Test
    void withoutStartTimeAndWithEventsStillValid() throws Exception {
        EcgRecord r = new EcgRecord("note", null, 360, List.of(new EcgLead("II", new int[] {1, -2, 3, 4}, 200, 1024, "mV")),
                List.of(), List.of(new EcgEvent(0.5, 0.25, "Patient coughed <&>"), new EcgEvent(1, 0, "Sinus rhythm")));
        byte[] xml = AecgWriter.write(r);
        assertThat(AecgSchema.violations(xml)).isEmpty();
        EcgRecord back = AecgReader.read(xml, "note.xml", "x");
        RecordAssert.sameSignals(back, r);
        assertThat(back.events()).containsExactlyElementsOf(r.events());
    }

    @Test
    void startTimeIsWrittenInUtc() throws Exception {
        Instant start = Instant.parse("2026-11-24T12:30:05.125Z");
        EcgRecord r = new EcgRecord("t", start, 500, List.of(new EcgLead("aVR", new int[] {0, 1}, 0.4, 0, "uV")), List.of(), List.of());
        byte[] xml = AecgWriter.write(r);
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<head value=\"20261124123005.125+0000\"/>")
                .contains("MDC_ECG_LEAD_AVR");
        EcgRecord back = AecgReader.read(xml, "t.xml", "x");
        RecordAssert.sameSignals(back, r);
        assertThat(AecgSchema.violations(xml)).isEmpty();
    }

    @Test
    void controlCharactersCannotBreakTheDocument() throws Exception {
        EcgRecord r = new EcgRecord("a\u0001b", null, 250, List.of(new EcgLead("lead\u0000x", new int[] {1}, 1, 0, "mV")),
                List.of(), List.of(new EcgEvent(0, 0, "bell\u0007")));
        EcgRecord back = AecgReader.read(AecgWriter.write(r), "c.xml", "x");
        assertThat(back.id()).isEqualTo("a b");
        assertThat(back.leads().getFirst().label()).isEqualTo("lead x");
        assertThat(back.events().getFirst().text()).isEqualTo("bell ");
        EcgRecord pressure = new EcgRecord("p", null, 1, List.of(new EcgLead("P", new int[] {1}, 1, 0, "mmHg")), List.of(), List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AecgWriter.write(pressure))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mmHg");
    }
}
