package org.vitalis.ecg.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.SharedData;

/**
 * Feeds arbitrary bytes to {@link DicomEcgReader}. The only failure it may report is {@link DicomFormatException};
 * anything else (an index out of bounds, a stack overflow, a memory error) fails the test. Under plain
 * {@code mvn test} Jazzer runs the seeds in {@code DicomFuzzTestInputs/fuzz}; with JAZZER_FUZZ=1 it fuzzes.
 * Jazzer 0.24.0 cannot instrument Java 25 class files, so the seeded mutation test below also runs many mutated
 * inputs on every build.
 */
class DicomFuzzTest {
    private static final String[] SEEDS = {"explicit-defined", "explicit-undefined", "implicit-defined", "implicit-undefined"};

    @Test
    void mutatedSeedsFailOnlyWithTheDocumentedException() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : SEEDS) {
            try (InputStream in = DicomFuzzTest.class.getResourceAsStream("DicomFuzzTestInputs/fuzz/" + name)) {
                seeds.add(in.readAllBytes());
            }
        }
        Path real = SharedData.root().resolve("dicom/waveform_ecg.dcm");
        if (Files.isRegularFile(real)) {
            seeds.add(Files.readAllBytes(real));
        }
        Random rnd = new Random(20261124);
        for (byte[] seed : seeds) {
            int rounds = seed.length > 4096 ? 150 : 2000;
            for (int k = 0; k < rounds; k++) {
                byte[] m = ScpFuzzTest.mutate(seed, rnd);
                // mutate the element headers more often than the sample bytes: that is where the parser branches
                if (m.length > 140 && rnd.nextBoolean()) {
                    int limit = Math.min(m.length, seed.length > 4096 ? 16000 : m.length);
                    m[132 + rnd.nextInt(limit - 132)] = (byte) (rnd.nextBoolean() ? 0xFF : rnd.nextInt(256));
                }
                fuzz(m);
            }
        }
    }

    @FuzzTest
    void fuzz(byte[] data) {
        try {
            for (EcgRecord r : DicomEcgReader.parse(data, "fuzz.dcm", ZoneOffset.UTC)) {
                for (EcgLead lead : r.leads()) {
                    lead.samples();
                    lead.gain();
                }
            }
        } catch (DicomFormatException expected) {
            // documented failure
        }
    }
}
