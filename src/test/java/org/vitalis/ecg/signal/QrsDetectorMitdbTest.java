package org.vitalis.ecg.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vitalis.ecg.SharedData;
import org.vitalis.ecg.format.Annotation;
import org.vitalis.ecg.format.MitAnnotations;
import org.vitalis.ecg.format.WfdbRecord;

/** Accuracy floors on MIT-BIH records, scored EC57-style; the floors sit below what the detector reaches. */
class QrsDetectorMitdbTest {

    @ParameterizedTest(name = "record {0}")
    @CsvSource({
        // record, Se floor, +P floor  (measured: 101 100.00/99.87, 119 100.00/100.00, 208 99.63/99.79)
        "101, 0.998, 0.996",
        "119, 0.998, 0.998",
        "208, 0.993, 0.995",
    })
    void meetsFloors(String record, double se, double ppv) throws IOException {
        Path dir = SharedData.require("mitdb-ds1");
        WfdbRecord rec = WfdbRecord.read(dir, record);
        long[] ref = MitAnnotations.read(dir.resolve(record + ".atr")).stream().filter(Annotation::isBeat)
                .mapToLong(Annotation::sample).toArray();
        QrsDetection d = new QrsDetector(rec.samplingFrequency()).detect(rec.physical(0));
        Ec57.Result r = Ec57.score(ref, d.beats(), rec.samplingFrequency());
        assertThat(r.sensitivity()).as("Se of %s: %s", record, r).isGreaterThanOrEqualTo(se);
        assertThat(r.positivePredictivity()).as("+P of %s: %s", record, r).isGreaterThanOrEqualTo(ppv);
    }
}
