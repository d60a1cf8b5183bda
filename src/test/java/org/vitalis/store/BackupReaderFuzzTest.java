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

    @Test
    void theValidSeedIsAcceptedSoTheFuzzerStartsFromRealStructure() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("BackupReaderFuzzTestInputs/fuzz/valid-backup")) {
            BackupService.Manifest m = BackupService.inspect(in);
            assertThat(m.rows("patient")).isEqualTo(1);
        }
    }
}
