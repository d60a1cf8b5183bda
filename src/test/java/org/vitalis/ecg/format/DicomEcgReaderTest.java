package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;

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
        System.err.println(second.samplingFrequency() + " " + rec.id() + " " + rec.leads().get(0).unit() + rec.leads().get(0).gain());
    }
}
