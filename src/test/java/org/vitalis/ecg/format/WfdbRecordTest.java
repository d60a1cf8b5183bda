package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.ecg.SharedData;

class WfdbRecordTest {

    @Test
    void readsRecord100sLikeRdsamp() throws IOException {
        Path dir = SharedData.require("ecg-formats/wfdb-100s");
        Path ref = SharedData.require("ecg-formats/wfdb-reference-outputs");
        WfdbRecord rec = WfdbRecord.read(dir, "100s");
        WfdbHeader h = rec.header();
        assertThat(h.recordName()).isEqualTo("100s");
        assertThat(h.samplingFrequency()).isEqualTo(360.0);
        assertThat(h.samples()).isEqualTo(21600);
        assertThat(h.signals()).extracting(WfdbSignal::description).containsExactly("MLII", "V5");
        assertThat(h.signals().getFirst().gain()).isEqualTo(200.0);
        assertThat(h.signals().getFirst().baseline()).isEqualTo(1024);
        assertThat(rec.adc()[0]).hasSize(21600);
        assertThat(rec.adc()[0][0]).isEqualTo(995);
        assertThat(rec.adc()[1][0]).isEqualTo(1011);

        // rdsamp.out: two header lines, then "elapsed seconds, MLII mV, V5 mV" at 3 decimals from 10.000 s
        List<String> lines = Files.readAllLines(ref.resolve("rdsamp.out"));
        assertThat(lines.get(1)).contains("(mV)");
        double[] mlii = rec.physical(0);
        double[] v5 = rec.physical(1);
        int rows = 0;
        for (String line : lines.subList(2, lines.size())) {
            String[] t = line.strip().split("\\s+");
            double seconds = Double.parseDouble(t[0]);
            int i = (int) Math.round(seconds * h.samplingFrequency());
            assertThat(String.format("%.3f", i / h.samplingFrequency())).isEqualTo(t[0]);
            assertThat(String.format("%.3f", mlii[i])).as("MLII at %s s", t[0]).isEqualTo(t[1]);
            assertThat(String.format("%.3f", v5[i])).as("V5 at %s s", t[0]).isEqualTo(t[2]);
            rows++;
        }
        assertThat(rows).isEqualTo(360);
    }

    @Test
    void readsEveryMitdbHeaderAndChecksum() throws IOException {
        Path dir = SharedData.require("mitdb-ds1");
        // the checksums and initial values in the header are verified while reading
        WfdbRecord rec = WfdbRecord.read(dir, "208");
        assertThat(rec.adc()[0]).hasSize(650000);
        assertThat(rec.header().comments()).anyMatch(c -> c.contains("PVCs are uniform"));
    }

    @Test
    void readsFormat16WithManySignals() throws IOException {
        Path dir = SharedData.require("ecg-formats/ptbdb-12lead");
        WfdbRecord rec = WfdbRecord.read(dir, "s0010_re");
        assertThat(rec.header().signals()).hasSize(15);
        assertThat(rec.samplingFrequency()).isEqualTo(1000.0);
        assertThat(rec.adc()[1][0]).isEqualTo(-458);
        assertThat(rec.header().signals().get(1).gain()).isEqualTo(2000.0);
    }

    @Test
    void headerDefaultsFollowTheSpec() {
        WfdbHeader h = WfdbHeader.parse("rec 2\nrec.dat 212 0 12 0 0\nrec.dat 16x1:0+0 100(-5)/uV\n", "rec.hea");
        assertThat(h.samplingFrequency()).isEqualTo(250.0);
        assertThat(h.samples()).isZero();
        assertThat(h.signals().get(0).gain()).isEqualTo(200.0);
        assertThat(h.signals().get(0).units()).isEqualTo("mV");
        assertThat(h.signals().get(1).baseline()).isEqualTo(-5);
        assertThat(h.signals().get(1).units()).isEqualTo("uV");
        assertThat(h.signals().get(1).adcResolution()).isEqualTo(16);
        WfdbHeader f = WfdbHeader.parse("x 1 128/1000(0) 10 0:00:00\nx.dat 16\n", "x.hea");
        assertThat(f.samplingFrequency()).isEqualTo(128.0);
        assertThat(f.samples()).isEqualTo(10);
    }

    @Test
    void decodes212AndFormat16Interleaved() {
        // 212: samples 0x801 (-2047) and 0x7FF (2047) packed as b0=0x01, b1=0x78, b2=0xFF
        int[][] s = WfdbSampleDecoder.decode(new byte[] {0x01, 0x78, (byte) 0xFF}, 0, 212, 2, -1, "t.dat");
        assertThat(s[0]).containsExactly(-2047);
        assertThat(s[1]).containsExactly(2047);
        int[][] t = WfdbSampleDecoder.decode(new byte[] {1, 0, (byte) 0xFF, (byte) 0xFF, 2, 0, 0, (byte) 0x80}, 0, 16, 2, -1, "t.dat");
        assertThat(t[0]).containsExactly(1, 2);
        assertThat(t[1]).containsExactly(-1, -32768);
        // three signals in 212: the pairs run across frame boundaries
        int[][] u = WfdbSampleDecoder.decode(new byte[] {1, 0x20, 3, 4, 0x50, 6}, 0, 212, 3, -1, "t.dat");
        assertThat(u[0]).containsExactly(1);
        assertThat(u[1]).containsExactly(515);
        assertThat(u[2]).containsExactly(4);
    }

    @Test
    void malformedFilesFailWithTheFileNamed(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> WfdbHeader.parse("", "empty.hea")).isInstanceOf(WfdbFormatException.class)
                .hasMessageContaining("empty.hea");
        assertThatThrownBy(() -> WfdbHeader.parse("r 2 360\nr.dat 212\n", "r.hea"))
                .isInstanceOf(WfdbFormatException.class).hasMessageContaining("2 signals but 1");
        assertThatThrownBy(() -> WfdbHeader.parse("r 1 abc\nr.dat 212\n", "r.hea"))
                .hasMessageContaining("sampling frequency");
        assertThatThrownBy(() -> WfdbSampleDecoder.decode(new byte[4], 0, 311, 1, -1, "r.dat"))
                .isInstanceOf(WfdbFormatException.class).hasMessageContaining("format 311");
        Files.writeString(tmp.resolve("r.hea"), "r 1 360 4\nr.dat 16 200 16 0 1 6\n");
        Files.write(tmp.resolve("r.dat"), new byte[] {1, 0, 2, 0, 3, 0});
        assertThatThrownBy(() -> WfdbRecord.read(tmp, "r")).isInstanceOf(WfdbFormatException.class)
                .hasMessageContaining("r.dat").hasMessageContaining("3 complete frames");
        Files.writeString(tmp.resolve("r.hea"), "r 1 360 3\nr.dat 16 200 16 0 1 7\n");
        assertThatThrownBy(() -> WfdbRecord.read(tmp, "r")).isInstanceOf(WfdbFormatException.class)
                .hasMessageContaining("checksum is 6");
        Files.writeString(tmp.resolve("r.hea"), "r 1 360 3\nr.dat 16 200 16 0 1 6\n");
        assertThat(WfdbRecord.read(tmp, "r").adc()[0]).containsExactly(1, 2, 3);
    }
}
