package org.vitalis.ecg.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds arbitrary bytes to every WFDB parser. The only failure a parser may report is {@link WfdbFormatException};
 * anything else (an index out of bounds, an arithmetic or memory error) fails the test. Under plain {@code mvn test}
 * Jazzer runs the seed inputs in {@code WfdbFuzzTestInputs/fuzz}; with JAZZER_FUZZ=1 it fuzzes. Jazzer 0.24.0
 * cannot instrument Java 25 class files (its ASM stops at class version 68), so its fuzzing is blind here; the
 * seeded mutation test below therefore also runs many mutated inputs on every build.
 */
class WfdbFuzzTest {
    private static final String[] SEEDS = {"header-212", "header-16", "samples-212", "samples-16", "annotations", "two-bytes"};

    /** Characters that matter to the header grammar, so mutations reach deeper than random bytes would. */
    private static final String SYNTAX = "0123456789 /()+x:\n-.#e";

    @Test
    void mutatedSeedsFailOnlyWithTheDocumentedException() throws IOException {
        Random rnd = new Random(20261124);
        for (String name : SEEDS) {
            byte[] seed;
            try (InputStream in = WfdbFuzzTest.class.getResourceAsStream("WfdbFuzzTestInputs/fuzz/" + name)) {
                seed = in.readAllBytes();
            }
            for (int k = 0; k < 3000; k++) {
                byte[] m = Arrays.copyOf(seed, Math.max(0, seed.length + rnd.nextInt(9) - 4));
                for (int e = rnd.nextInt(4); e >= 0 && m.length > 0; e--) {
                    m[rnd.nextInt(m.length)] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : SYNTAX.charAt(rnd.nextInt(SYNTAX.length())));
                }
                fuzz(m);
            }
        }
    }

    @FuzzTest
    void fuzz(byte[] data) {
        try {
            WfdbHeader h = WfdbHeader.parse(new String(data, StandardCharsets.ISO_8859_1), "fuzz.hea");
            for (WfdbSignal s : h.signals()) {
                s.toPhysical(0);
            }
        } catch (WfdbFormatException expected) {
            // documented failure
        }
        if (data.length > 0) {
            int format = (data[0] & 1) == 0 ? 212 : 16;
            int signals = 1 + (data[0] >>> 1 & 0x0F);
            int offset = data.length > 1 ? (data[1] & 0x07) : 0;
            try {
                int[][] s = WfdbSampleDecoder.decode(data, offset, format, signals, -1, "fuzz.dat");
                for (int[] x : s) {
                    WfdbSampleDecoder.checksum(x);
                }
                // asking for one frame more than there is must be refused, not read past the end
                WfdbSampleDecoder.decode(data, offset, format, signals, s[0].length + 1L, "fuzz.dat");
                throw new AssertionError("decoder accepted more frames than the data holds");
            } catch (WfdbFormatException expected) {
                // documented failure
            }
        }
        try {
            List<Annotation> anns = MitAnnotations.read(data, "fuzz.atr");
            for (Annotation a : anns) {
                a.mnemonic();
            }
        } catch (WfdbFormatException expected) {
            // documented failure
        }
    }
}
