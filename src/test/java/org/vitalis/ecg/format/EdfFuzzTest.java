package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds arbitrary bytes to the EDF reader. The only failure it may report is {@link EdfFormatException}; anything
 * else (an index out of bounds, an arithmetic error, an {@link IllegalArgumentException} from the model, running out
 * of memory on a header that lies about its sizes) fails the test. Under plain {@code mvn test} Jazzer runs the seed
 * inputs in {@code EdfFuzzTestInputs/fuzz}; with JAZZER_FUZZ=1 it fuzzes. Jazzer 0.24.0 cannot instrument Java 25
 * class files, so its fuzzing is blind here; the seeded mutation test below therefore also runs many mutated inputs
 * on every build.
 */
class EdfFuzzTest {
    private static final String[] SEEDS = {"edfplus", "bdfplus", "discontinuous", "plain", "annotations-only"};

    /** Characters that matter to the header and TAL grammar, so mutations reach deeper than random bytes would. */
    private static final String SYNTAX = "0123456789 .-+eE\u0000\u0014\u0015X";

    private static byte[] seed(String name) throws IOException {
        try (InputStream in = EdfFuzzTest.class.getResourceAsStream("EdfFuzzTestInputs/fuzz/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void everySeedIsAValidFile() throws IOException {
        for (String name : SEEDS) {
            EdfFile f = EdfReader.read(seed(name), name, name, ZoneOffset.UTC);
            assertThat(f.hasRecord() || !f.events().isEmpty()).as(name).isTrue();
        }
        EdfFile plus = EdfReader.read(seed("edfplus"), "edfplus", "edfplus", ZoneOffset.UTC);
        assertThat(plus.events()).extracting(EcgEvent::text).containsExactly("PVC", "a", "b");
        assertThat(plus.record().leads()).hasSize(2);
        assertThat(EdfReader.read(seed("bdfplus"), "b", "b", ZoneOffset.UTC).skipped()).hasSize(1);
    }

    @Test
    void mutatedSeedsFailOnlyWithTheDocumentedException() throws IOException {
        Random rnd = new Random(20261124);
        for (String name : SEEDS) {
            byte[] seed = seed(name);
            for (int k = 0; k < 3000; k++) {
                byte[] m = Arrays.copyOf(seed, Math.max(0, seed.length + (rnd.nextInt(5) == 0 ? rnd.nextInt(65) - 32 : 0)));
                for (int e = rnd.nextInt(4); e >= 0 && m.length > 0; e--) {
                    // most edits in the header, where the counts and sizes are
                    int at = rnd.nextBoolean() ? rnd.nextInt(Math.min(m.length, 256 * 4)) : rnd.nextInt(m.length);
                    m[at] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : SYNTAX.charAt(rnd.nextInt(SYNTAX.length())));
                }
                fuzz(m);
            }
        }
    }

    @FuzzTest
    void fuzz(byte[] data) {
        try {
            EdfFile f = EdfReader.read(data, "fuzz.edf", "fuzz", ZoneOffset.UTC);
            if (f.hasRecord()) {
                for (EcgLead lead : f.record().leads()) {
                    if (lead.unit().equals("uV") || lead.unit().equals("mV") || lead.unit().equals("V")) {
                        lead.millivolts();
                    }
                }
            }
            for (EdfSignal s : f.header().signals()) {
                s.toPhysical(0);
            }
        } catch (EdfFormatException expected) {
            // documented failure
        }
        try {
            EdfReader.parseTals(data, 0, data.length, "fuzz.edf", 0);
        } catch (EdfFormatException expected) {
            // documented failure
        }
    }
}
