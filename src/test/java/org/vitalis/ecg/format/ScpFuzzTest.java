package org.vitalis.ecg.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.SharedData;

/**
 * Feeds arbitrary bytes to {@link ScpEcgReader}. The only failure it may report is {@link ScpFormatException};
 * anything else (an index out of bounds, an arithmetic or memory error) fails the test. Each input is tried as
 * given and again with its CRCs recomputed, since otherwise nearly every mutation stops at the record CRC and the
 * decoders behind it are never reached. Under plain {@code mvn test} Jazzer runs the seeds in
 * {@code ScpFuzzTestInputs/fuzz}; with JAZZER_FUZZ=1 it fuzzes. Jazzer 0.24.0 cannot instrument Java 25 class
 * files, so the seeded mutation test below also runs many mutated inputs on every build.
 */
class ScpFuzzTest {
    private static final String[] SEEDS = {"huffman-second-differences", "huffman-first-differences", "plain-amplitudes",
        "reference-beat-protected-areas"};

    /** Values that matter to lengths, counts and flags. */
    private static final int[] INTERESTING = {0, 1, 2, 0x7F, 0x80, 0xFF, 0xFE, 0x10, 0x4E};

    @Test
    void mutatedSeedsFailOnlyWithTheDocumentedException() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : SEEDS) {
            try (InputStream in = ScpFuzzTest.class.getResourceAsStream("ScpFuzzTestInputs/fuzz/" + name)) {
                seeds.add(in.readAllBytes());
            }
        }
        // the shared test.scp reaches the reference-beat path; it is optional so the build passes without ../shared
        Path real = SharedData.root().resolve("ecg-formats/scp-ecg/test.scp");
        if (Files.isRegularFile(real)) {
            seeds.add(Files.readAllBytes(real));
        }
        Random rnd = new Random(20261124);
        for (byte[] seed : seeds) {
            int rounds = seed.length > 4096 ? 200 : 2000;
            for (int k = 0; k < rounds; k++) {
                fuzz(mutate(seed, rnd));
            }
        }
    }

    static byte[] mutate(byte[] seed, Random rnd) {
        int cut = rnd.nextInt(10) == 0 ? rnd.nextInt(seed.length + 1) : seed.length;
        byte[] m = Arrays.copyOf(seed, Math.max(0, cut + (rnd.nextInt(5) == 0 ? rnd.nextInt(9) - 4 : 0)));
        for (int e = rnd.nextInt(4); e >= 0 && m.length > 0; e--) {
            int at = rnd.nextInt(m.length);
            m[at] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : INTERESTING[rnd.nextInt(INTERESTING.length)]);
        }
        return m;
    }

    @FuzzTest
    void fuzz(byte[] data) {
        parse(data);
        byte[] signed = data.clone();
        resign(signed);
        parse(signed);
    }

    private static void parse(byte[] data) {
        try {
            EcgRecord r = ScpEcgReader.parse(data, "fuzz.scp", "fuzz", ZoneOffset.UTC, true);
            for (EcgLead lead : r.leads()) {
                lead.microvolts(0);
            }
            LimbLeads.derive(r);
        } catch (ScpFormatException expected) {
            // documented failure
        }
    }

    /** Recomputes the CRC of every section whose header is intact, then the record CRC (EN 1064 §5.2). */
    static void resign(byte[] b) {
        if (b.length < 6) {
            return;
        }
        int p = 6;
        while (p + 16 <= b.length) {
            long len = b[p + 4] & 0xFFL | (b[p + 5] & 0xFFL) << 8 | (b[p + 6] & 0xFFL) << 16 | (b[p + 7] & 0xFFL) << 24;
            if (len < 16 || p + len > b.length) {
                break;
            }
            ScpTestFiles.put(b, p, ScpEcgReader.crc(b, p + 2, p + (int) len), 2);
            p += (int) len;
        }
        ScpTestFiles.put(b, 2, b.length, 4);
        ScpTestFiles.fixRecordCrc(b);
    }
}
