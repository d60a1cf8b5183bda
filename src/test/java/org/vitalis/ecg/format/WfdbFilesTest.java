package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.ecg.SharedData;

class WfdbFilesTest {

    @Test
    void reads100sWithItsAnnotations() throws IOException {
        Path dir = SharedData.require("ecg-formats/wfdb-100s");
        EcgRecord r = WfdbFiles.read(dir.resolve("100s.hea"));
        assertThat(r.id()).isEqualTo("100s");
        assertThat(r.samplingFrequency()).isEqualTo(360.0);
        assertThat(r.leads()).extracting(EcgLead::label).containsExactly("MLII", "V5");
        EcgLead mlii = r.leads().getFirst();
        assertThat(mlii.gain()).isEqualTo(200.0);
        assertThat(mlii.baseline()).isEqualTo(1024);
        assertThat(mlii.unit()).isEqualTo("mV");
        assertThat(mlii.samples()).isEqualTo(WfdbRecord.read(dir, "100s").adc()[0]);
        assertThat(r.beats()).isEqualTo(MitAnnotations.read(dir.resolve("100s.atr")));
        assertThat(r.beats()).isNotEmpty();
        // the record path without extension works too
        assertThat(WfdbFiles.read(dir.resolve("100s")).sampleCount()).isEqualTo(r.sampleCount());
    }

    @Test
    void roundTrips100sThroughTheWriter(@TempDir Path tmp) throws IOException {
        Path dir = SharedData.require("ecg-formats/wfdb-100s");
        EcgRecord r = WfdbFiles.read(dir.resolve("100s.hea"));
        WfdbWriter.write(r, tmp, "copy");
        EcgRecord back = WfdbFiles.read(tmp.resolve("copy.hea"));
        RecordAssert.sameSignals(back, r);
        assertThat(back.beats()).isEqualTo(r.beats());
        // MIT-BIH samples fit 12 bits, so the writer chose format 212 like the original; same bytes, too
        WfdbHeader h = WfdbHeader.parse(Files.readString(tmp.resolve("copy.hea"), StandardCharsets.ISO_8859_1), "copy.hea");
        assertThat(h.signals()).extracting(WfdbSignal::format).containsOnly(212);
        assertThat(h.signals()).extracting(WfdbSignal::description).containsExactly("MLII", "V5");
        assertThat(h.signals().getFirst().adcResolution()).isEqualTo(12);
        assertThat(h.signals().getFirst().checksum()).isEqualTo(WfdbRecord.read(dir, "100s").header().signals().getFirst().checksum());
        assertThat(Files.readAllBytes(tmp.resolve("copy.dat"))).isEqualTo(Files.readAllBytes(dir.resolve("100s.dat")));
    }

    @Test
    void usesFormat16AndWritesTheStartWhenSamplesNeedIt(@TempDir Path tmp) throws IOException {
        Instant start = Instant.parse("2026-03-01T08:15:30.250Z");
        EcgRecord r = new EcgRecord("x", start, 500, List.of(
                new EcgLead("I", new int[] {-32768, 0, 32767}, 1000, -12, "mV"),
                new EcgLead("II", new int[] {5, -5000, 2}, 2.5, 0, "uV"),
                new EcgLead("V1", new int[] {1, 2, 3}, 1000, 7, "mV")),
                List.of(Annotation.of(1, 1)), List.of());
        WfdbWriter.write(r, tmp, "rec_16");
        String hea = Files.readString(tmp.resolve("rec_16.hea"));
        assertThat(hea.lines().findFirst().orElseThrow()).isEqualTo("rec_16 3 500 3 08:15:30.250 01/03/2026");
        assertThat(hea.lines().skip(2).findFirst().orElseThrow()).isEqualTo("rec_16.dat 16 2.5(0)/uV 16 0 5 -4993 0 II");
        RecordAssert.sameSignals(WfdbFiles.read(tmp.resolve("rec_16")), r);
        EcgRecord whole = new EcgRecord("w", Instant.parse("2026-03-01T08:15:30Z"), 360, r.leads(), List.of(), List.of());
        WfdbWriter.write(whole, tmp, "w");
        assertThat(Files.readString(tmp.resolve("w.hea"))).startsWith("w 3 360 3 08:15:30 01/03/2026\n");
        assertThat(WfdbFiles.read(tmp.resolve("w")).start()).isEqualTo(whole.start());
    }

    @Test
    void writes212WithAnOddNumberOfSamples(@TempDir Path tmp) throws IOException {
        EcgRecord r = new EcgRecord("odd", null, 250, List.of(new EcgLead("ECG", new int[] {-2048, 2047, -1, 0, 5}, 200, 0, "mV")),
                List.of(), List.of());
        WfdbWriter.write(r, tmp, "odd");
        assertThat(Files.size(tmp.resolve("odd.dat"))).isEqualTo(8);
        EcgRecord back = WfdbFiles.read(tmp.resolve("odd.hea"));
        RecordAssert.sameSignals(back, r);
        assertThat(Files.exists(tmp.resolve("odd.atr"))).isFalse();
    }

    @Test
    void refusesWhatWfdbCannotHold(@TempDir Path tmp) {
        EcgRecord big = new EcgRecord("b", null, 250, List.of(new EcgLead("I", new int[] {40000}, 200, 0, "mV")), List.of(), List.of());
        assertThatThrownBy(() -> WfdbWriter.write(big, tmp, "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40000");
        assertThatThrownBy(() -> WfdbWriter.write(big, tmp, "../b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedBaseDateNamesTheHeader() {
        assertThatThrownBy(() -> WfdbFiles.baseInstant("r 1 360 10 10:00:00 31/02/2020\n", "r.hea"))
                .isInstanceOf(WfdbFormatException.class).hasMessageStartingWith("r.hea: base time or date is malformed");
        assertThat(WfdbFiles.baseInstant("r 1 360 10 1:02:03 5/6/2020\n", "r.hea")).isEqualTo(Instant.parse("2020-06-05T01:02:03Z"));
        assertThat(WfdbFiles.baseInstant("r 1 360 10 10:00:00\n", "r.hea")).isNull();
    }
}
