package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vitalis.ecg.SharedData;
import org.vitalis.ecg.format.Annotation;
import org.vitalis.ecg.format.MitAnnotations;
import org.vitalis.ecg.format.WfdbRecord;

/**
 * Accuracy floors on MIT-BIH records, scored as EC57 and bxb do (ventricular flutter/fibrillation episodes left
 * out); the floors sit below what the detector reaches, as a guard against regressions rather than a target.
 */
class QrsDetectorMitdbTest {

    @ParameterizedTest(name = "record {0}")
    @CsvSource({
        // record, Se floor, +P floor  (measured with vitalis-qrs/1.1, the same with 1.2: 101 100.00/99.87, 119 100.00/100.00,
        // 203 99.19/98.99, 207 100.00/99.75 (ventricular flutter left out), 208 99.63/99.79)
        "101, 0.998, 0.996",
        "119, 0.998, 0.998",
        "203, 0.985, 0.980",
        "207, 0.995, 0.990",
        "208, 0.993, 0.995",
    })
    void meetsFloors(String record, double se, double ppv) throws IOException {
        Path dir = SharedData.require("mitdb-ds1");
        WfdbRecord rec = WfdbRecord.read(dir, record);
        List<Annotation> annotations = MitAnnotations.read(dir.resolve(record + ".atr"));
        long[] ref = annotations.stream().filter(Annotation::isBeat).mapToLong(Annotation::sample).toArray();
        QrsDetection d = new QrsDetector(rec.samplingFrequency()).detect(rec.physical(0));
        Ec57.Result r = Ec57.score(ref, d.beats(), rec.samplingFrequency(), ventricularFibrillation(annotations));
        assertThat(r.sensitivity()).as("Se of %s: %s", record, r).isGreaterThanOrEqualTo(se);
        assertThat(r.positivePredictivity()).as("+P of %s: %s", record, r).isGreaterThanOrEqualTo(ppv);
    }

    /** The reference's ventricular flutter/fibrillation episodes, from each '[' to the next ']'. */
    static List<Ec57.Episode> ventricularFibrillation(List<Annotation> annotations) {
        List<Ec57.Episode> out = new ArrayList<>();
        long start = -1;
        for (Annotation a : annotations) {
            if (a.mnemonic().equals("[") && start < 0) {
                start = a.sample();
            } else if (a.mnemonic().equals("]") && start >= 0) {
                out.add(new Ec57.Episode(start, a.sample()));
                start = -1;
            }
        }
        if (start >= 0) {
            out.add(new Ec57.Episode(start, Long.MAX_VALUE));
        }
        return out;
    }
}
