package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.SharedData;

class ScpEcgReaderTest {

    @Test
    void decodesTestScpLikeParsescp() throws IOException {
        Path dir = SharedData.require("ecg-formats/scp-ecg");
        EcgRecord rec = ScpEcgReader.read(dir.resolve("test.scp"));
        WfdbRecord ref = WfdbRecord.read(dir.resolve("parsescp-expected"), "test");
        assertThat(rec.samplingFrequency()).isEqualTo(500.0);
        assertThat(rec.sampleCount()).isEqualTo(5000);
        for (EcgLead lead : rec.leads()) {
            int k = -1;
            for (int i = 0; i < ref.header().signals().size(); i++) {
                if (ref.header().signals().get(i).description().equals(lead.label())) {
                    k = i;
                }
            }
            int[] want = ref.adc()[k];
            int bad = 0;
            int firstBad = -1;
            for (int j = 0; j < want.length; j++) {
                if (want[j] != lead.samples()[j]) {
                    bad++;
                    if (firstBad < 0) firstBad = j;
                }
            }
            System.err.println(lead.label() + " mismatches " + bad + " first " + firstBad);
        }
    }
}
