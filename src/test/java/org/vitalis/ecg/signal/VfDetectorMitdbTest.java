package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vitalis.ecg.SharedData;
import org.vitalis.ecg.format.Annotation;
import org.vitalis.ecg.format.MitAnnotations;
import org.vitalis.ecg.format.WfdbRecord;

/**
 * Ventricular flutter/fibrillation on MIT-BIH (skipped without ../shared/data): record 207's reference episodes
 * ('[' to ']') are found and lose their flutter waves as beats, and no other record, noisy ones included (108, 203,
 * 208), on either lead, has any. Floors sit below what was measured (vitalis-vf/1.0, channel 0: 91.2 of the 97.9 s of
 * scored reference VF in 207 found, 0.8 s outside it; README-rule Se 100.00 %, +P 98.64 % on 207).
 */
class VfDetectorMitdbTest {
    @Test
    void record207sFlutterIsFoundAndHasNoBeats() throws IOException {
        Path dir = SharedData.require("mitdb-ds1");
        WfdbRecord rec = WfdbRecord.read(dir, "207");
        double fs = rec.samplingFrequency();
        List<Annotation> annotations = MitAnnotations.read(dir.resolve("207.atr"));
        List<Ec57.Episode> reference = QrsDetectorMitdbTest.ventricularFibrillation(annotations);
        QrsDetection d = new QrsDetector(fs).detect(rec.physical(0));
        long learning = Math.round(Ec57.LEARNING_S * fs);
        long scoredReference = 0;
        long found = 0;
        long outside = 0;
        for (Ec57.Episode e : reference) {
            scoredReference += Math.max(0, e.end() - Math.max(e.start(), learning) + 1);
        }
        for (VfDetector.Episode e : d.ventricularFibrillation()) {
            for (long i = e.start(); i <= e.end(); i++) {
                long t = i;
                boolean in = reference.stream().anyMatch(r -> r.start() <= t && t <= r.end());
                found += in && i >= learning ? 1 : 0;
                outside += in ? 0 : 1;
            }
            assertThat(e.dominantHz()).as("flutter at 160-230 /min").isBetween(2.7, 3.9);
        }
        assertThat(found / (double) scoredReference).as("share of 207's scored VF found").isGreaterThan(0.85);
        assertThat(outside / fs).as("seconds called VF outside the reference's").isLessThan(2);

        long[] ref = annotations.stream().filter(Annotation::isBeat).mapToLong(Annotation::sample).toArray();
        Ec57.Result r = Ec57.score(ref, d.beats(), fs);
        assertThat(r.sensitivity()).as("README-rule Se of 207: %s", r).isGreaterThanOrEqualTo(0.995);
        assertThat(r.positivePredictivity()).as("README-rule +P of 207: %s", r).isGreaterThanOrEqualTo(0.98);
    }

    /** Every DS1 record but 207. */
    @ParameterizedTest(name = "record {0}")
    @ValueSource(strings = {"101", "106", "108", "109", "112", "114", "115", "116", "118", "119", "122", "124", "201",
        "203", "205", "208", "209", "215", "220", "223", "230"})
    void recordsWithoutVfHaveNoneOnEitherLead(String record) throws IOException {
        Path dir = SharedData.require("mitdb-ds1");
        WfdbRecord rec = WfdbRecord.read(dir, record);
        for (int lead = 0; lead < 2; lead++) {
            assertThat(new VfDetector(rec.samplingFrequency()).detect(rec.physical(lead)))
                    .as("VF in record %s lead %d", record, lead).isEmpty();
        }
    }

    @Test
    void record100HasNone() throws IOException {
        Path dir = SharedData.require("ecg-formats/wfdb-100s");
        WfdbRecord rec = WfdbRecord.read(dir, "100s");
        for (int lead = 0; lead < rec.header().signals().size(); lead++) {
            assertThat(new VfDetector(rec.samplingFrequency()).detect(rec.physical(lead))).isEmpty();
        }
    }
}
