package org.vitalis.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The backup reader gets files from USB sticks and network shares: whatever the bytes, it either
 * accepts a well-formed backup or refuses with {@link NotAVitalisBackupException}. Any other
 * exception fails the test. Plain {@code mvn test} runs the seed corpus in
 * {@code BackupReaderFuzzTestInputs/fuzz}; set JAZZER_FUZZ=1 to fuzz.
 */
class BackupReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void fuzz(byte[] data) throws IOException {
        try {
            BackupService.inspect(new ByteArrayInputStream(data));
        } catch (NotAVitalisBackupException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    /**
     * Deterministic mutations of the valid seed (byte flips, truncations, insertions), so the
     * reader's deeper paths are exercised on every build even without a fuzzing run.
     */
    @Test
    void mutationsOfAValidBackupAreAcceptedOrRefusedCleanly() throws Exception {
        byte[] valid;
        try (InputStream in = getClass().getResourceAsStream("BackupReaderFuzzTestInputs/fuzz/valid-backup")) {
            valid = in.readAllBytes();
        }
        java.util.Random random = new java.util.Random(20261124);
        for (int i = 0; i < 3000; i++) {
            byte[] m = valid.clone();
            switch (i % 3) {
                case 0 -> {
                    for (int k = 0; k < 1 + random.nextInt(4); k++) {
                        m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> m = java.util.Arrays.copyOf(m, random.nextInt(m.length));
                default -> {
                    int at = random.nextInt(m.length);
                    byte[] grown = new byte[m.length + 1];
                    System.arraycopy(m, 0, grown, 0, at);
                    grown[at] = (byte) random.nextInt(256);
                    System.arraycopy(m, at, grown, at + 1, m.length - at);
                    m = grown;
                }
            }
            fuzz(m);
        }
    }

    @Test
    void theValidSeedIsAcceptedSoTheFuzzerStartsFromRealStructure() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("BackupReaderFuzzTestInputs/fuzz/valid-backup")) {
            BackupService.Manifest m = BackupService.inspect(in);
            assertThat(m.rows("patient")).isEqualTo(1);
        }
    }
}
