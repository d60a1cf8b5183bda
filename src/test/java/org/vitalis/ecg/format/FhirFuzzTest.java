package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Feeds arbitrary bytes to the FHIR Observation reader. The only failure it may report is {@link FhirFormatException}; anything else (a
 * runtime exception of the XML or JSON library, an index out of bounds, an arithmetic or memory error) fails the
 * test. Under plain {@code mvn test} Jazzer runs the seed inputs in {@code FhirFuzzTestInputs/fuzz}; with JAZZER_FUZZ=1
 * it fuzzes. Jazzer 0.24.0 cannot instrument Java 25 class files, so its fuzzing is blind here; the seeded mutation
 * test below therefore also runs thousands of mutated inputs on every build.
 */
class FhirFuzzTest {
    private static final String[] SEEDS = {"observation", "minimal"};

    /** Characters that matter to the grammar, so mutations reach deeper than random bytes would. */
    private static final String SYNTAX = "{}[]:,\"0123456789.-+eE LUT";

    @Test
    void mutatedSeedsFailOnlyWithTheDocumentedException() throws IOException {
        TextMutations.campaign(FhirFuzzTest.class, SEEDS, SYNTAX, FhirFuzzTest::read);
    }

    @FuzzTest
    void fuzz(byte[] data) {
        read(data);
    }

    /** True when the reader accepted the bytes, false when it refused them with the documented exception. */
    private static boolean read(byte[] data) {
        try {
            EcgRecord r = FhirEcgObservation.read(new String(data, StandardCharsets.UTF_8), "fuzz.json");
            // whatever the reader accepts must be usable: voltages in a known unit, a duration
            for (EcgLead lead : r.leads()) {
                lead.millivolts();
            }
            r.durationSeconds();
            return true;
        } catch (FhirFormatException expected) {
            return false;
        }
    }
}
