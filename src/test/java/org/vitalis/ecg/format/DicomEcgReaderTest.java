package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.SharedData;

class DicomEcgReaderTest {

    @Test
    void readsWaveformEcgLikePydicom() throws IOException {
        Path file = SharedData.require("dicom").resolve("waveform_ecg.dcm");
        List<EcgRecord> groups = DicomEcgReader.readAll(file);
        assertThat(groups).hasSize(2);
        EcgRecord rec = groups.getFirst();
        // pydicom tests/test_waveform.py: multiplex_array(ds, 0, as_raw=True) has shape (10000, 12)
        assertThat(rec.leads()).hasSize(12);
        assertThat(rec.sampleCount()).isEqualTo(10000);
        assertThat(rec.samplingFrequency()).isEqualTo(1000.0);
        assertThat(rec.leads()).extracting(EcgLead::label)
                .containsExactly("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");
        assertThat(java.util.Arrays.copyOf(rec.leads().get(0).samples(), 5)).containsExactly(80, 65, 50, 35, 37);
        assertThat(java.util.Arrays.copyOf(rec.leads().get(1).samples(), 5)).containsExactly(90, 85, 80, 75, 77);
        // as_raw=False: (raw + baseline) * sensitivity * correction, in the channel's units (uV)
        double[] want0 = {100, 81.25, 62.5, 43.75, 46.25};
        double[] want1 = {112.5, 106.25, 100, 93.75, 96.25};
        for (int i = 0; i < 5; i++) {
            assertThat(rec.leads().get(0).microvolts(i)).isEqualTo(want0[i]);
            assertThat(rec.leads().get(1).microvolts(i)).isEqualTo(want1[i]);
        }
        assertThat(rec.start()).isEqualTo(Instant.parse("2013-01-25T10:59:19Z"));
        EcgRecord second = groups.get(1);
        // multiplex_array(ds, 1, as_raw=True): shape (1200, 12), first samples as below
        assertThat(second.leads()).hasSize(12);
        assertThat(second.sampleCount()).isEqualTo(1200);
        assertThat(java.util.Arrays.copyOf(second.leads().get(0).samples(), 5)).containsExactly(10, 10, 30, 35, 25);
        assertThat(java.util.Arrays.copyOf(second.leads().get(1).samples(), 5)).containsExactly(80, 80, 80, 85, 80);
        assertThat(DicomEcgReader.read(file, 1).sampleCount()).isEqualTo(1200);
        assertThat(rec.id()).isEqualTo("1.3.6.1.4.1.20029.40.20130125105919.5407.1.1");
    }

    private static final String TWELVE = DicomEcgReader.TWELVE_LEAD_ECG;

    private static short[][] samples() {
        short[][] x = new short[3][50];
        for (int c = 0; c < 3; c++) {
            for (int s = 0; s < 50; s++) {
                x[c][s] = (short) ((s * 37 + c * 1000) % 4000 - 2000);
            }
        }
        return x;
    }

    @Test
    void readsSelfMadeFilesInBothSyntaxesAndLengthStyles() {
        short[][] x = samples();
        String[][] variants = {{DicomTestFiles.EXPLICIT, "defined"}, {DicomTestFiles.EXPLICIT, "undefined"},
            {DicomTestFiles.IMPLICIT, "defined"}, {DicomTestFiles.IMPLICIT, "undefined"}};
        for (String[] v : variants) {
            byte[] b = DicomTestFiles.ecg(v[0], v[1].equals("undefined"), DicomEcgReader.GENERAL_ECG, x, "mV");
            EcgRecord rec = DicomEcgReader.parse(b, "mini.dcm", java.time.ZoneOffset.UTC).getFirst();
            assertThat(rec.leads()).as("%s %s", v[0], v[1]).extracting(EcgLead::label).containsExactly("I", "II", "V1");
            assertThat(rec.samplingFrequency()).isEqualTo(500.0);
            assertThat(rec.start()).isEqualTo(Instant.parse("2024-02-29T11:34:56.500Z"));
            assertThat(rec.id()).isEqualTo("1.2.3.4.5");
            for (int c = 0; c < 3; c++) {
                EcgLead lead = rec.leads().get(c);
                for (int s = 0; s < 50; s++) {
                    assertThat(lead.samples()[s]).isEqualTo(x[c][s]);
                }
                assertThat(lead.unit()).isEqualTo("mV");
                assertThat(lead.baseline()).isEqualTo(-3);
                // (stored + baseline) * sensitivity, in mV
                assertThat(lead.microvolts(7)).isCloseTo((x[c][7] + 3) * 2.5 * 1000, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void refusesOtherTransferSyntaxesAndSopClasses() {
        short[][] x = samples();
        byte[] big = DicomTestFiles.ecg("1.2.840.10008.1.2.2", false, TWELVE, x, "uV");
        assertThatThrownBy(() -> DicomEcgReader.parse(big, "big.dcm", java.time.ZoneOffset.UTC))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("big.dcm")
                .hasMessageContaining("(0002,0010)").hasMessageContaining("1.2.840.10008.1.2.2");
        byte[] ct = DicomTestFiles.ecg(DicomTestFiles.EXPLICIT, false, "1.2.840.10008.5.1.4.1.1.2", x, "uV");
        assertThatThrownBy(() -> DicomEcgReader.parse(ct, "ct.dcm", java.time.ZoneOffset.UTC))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("(0008,0016)");
        assertThatThrownBy(() -> DicomEcgReader.parse(new byte[200], "zero.dcm", java.time.ZoneOffset.UTC))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("DICM");
    }

    @Test
    void lyingLengthsAreRefusedBeforeAllocating() {
        short[][] x = samples();
        byte[] b = DicomTestFiles.ecg(DicomTestFiles.EXPLICIT, false, TWELVE, x, "uV");
        // Number of Waveform Samples (003A,0010) claims a billion samples
        int at = indexOf(b, new byte[] {0x3A, 0, 0x10, 0, 'U', 'L', 4, 0}) + 8;
        ScpTestFiles.put(b, at, 1_000_000_000L, 4);
        assertThatThrownBy(() -> DicomEcgReader.parse(b, "lie.dcm", java.time.ZoneOffset.UTC))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("(5400,1010)").hasMessageContaining("need");
        byte[] c = DicomTestFiles.ecg(DicomTestFiles.EXPLICIT, false, TWELVE, x, "uV");
        // Waveform Data (5400,1010) claims 2 GB
        int w = indexOf(c, new byte[] {0, 0x54, 0x10, 0x10, 'O', 'W'}) + 8;
        ScpTestFiles.put(c, w, 0x7FFF_0000L, 4);
        assertThatThrownBy(() -> DicomEcgReader.parse(c, "lie.dcm", java.time.ZoneOffset.UTC))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("lie.dcm");
    }

    @Test
    void asksForAGroupThatExists(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("one.dcm");
        java.nio.file.Files.write(f, DicomTestFiles.ecg(DicomTestFiles.EXPLICIT, true, TWELVE, samples(), "uV"));
        assertThat(DicomEcgReader.read(f).id()).isEqualTo("1.2.3.4.5");
        assertThatThrownBy(() -> DicomEcgReader.read(f, 1)).isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("1 multiplex groups").hasMessageContaining("one.dcm");
    }

    static int indexOf(byte[] b, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= b.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (b[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
