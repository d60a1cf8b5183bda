package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/**
 * Feeds damaged encodings to {@link EcgSampleCodec#decode}: every outcome must be samples or an
 * {@link EcgFormatException}; anything else (an index out of bounds, a hang, running out of memory) fails. Mutations
 * are made at two depths: on the stored bytes (most stop at zlib's checksum) and on the varint stream inside,
 * compressed again, so that the varint decoder behind the checksum is reached too. Jazzer cannot instrument Java 25
 * classes, so this is seeds plus seeded random mutations in plain JUnit.
 */
class EcgSampleCodecFuzzTest {
    private static final int[] INTERESTING = {0x00, 0x01, 0x0F, 0x10, 0x7F, 0x80, 0xFF, 0xFE};

    private static List<int[]> seeds() {
        Random rnd = new Random(42);
        List<int[]> out = new ArrayList<>();
        out.add(new int[0]);
        out.add(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1});
        int[] ecg = new int[3000];
        for (int i = 0; i < ecg.length; i++) {
            ecg[i] = 1024 + (int) (200 * Math.exp(-Math.pow((i % 300 - 150) / 6.0, 2))) + rnd.nextInt(5);
        }
        out.add(ecg);
        int[] wide = new int[500];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = rnd.nextInt(1 << 24) - (1 << 23);
        }
        out.add(wide);
        return out;
    }

    @Test
    void mutatedEncodingsDecodeOrFailWithTheDocumentedException() {
        Random rnd = new Random(20261124);
        int decoded = 0;
        int refused = 0;
        for (int[] seed : seeds()) {
            byte[] stored = EcgSampleCodec.encode(seed);
            byte[] inner = inflate(stored);
            for (int k = 0; k < 1500; k++) {
                byte[] outer = mutate(stored, rnd);
                byte[] reinflated = deflated(mutate(inner, rnd), rnd.nextInt(10) == 0 ? 2 : 1);
                for (byte[] candidate : new byte[][] {outer, reinflated}) {
                    int count = switch (rnd.nextInt(4)) {
                        case 0 -> seed.length;
                        case 1 -> Math.max(0, seed.length + rnd.nextInt(5) - 2);
                        case 2 -> rnd.nextInt(seed.length + 1);
                        default -> rnd.nextInt(1 << 16);
                    };
                    if (fuzz(candidate, count)) {
                        decoded++;
                    } else {
                        refused++;
                    }
                }
            }
        }
        // Both outcomes must be reached, or the mutations test nothing.
        assertThat(decoded).isPositive();
        assertThat(refused).isPositive();
    }

    /** True when decoded, false when refused as documented; anything else propagates and fails the test. */
    static boolean fuzz(byte[] data, int expectedCount) {
        try {
            int[] samples = EcgSampleCodec.decode(data, expectedCount);
            assertThat(samples).hasSize(expectedCount);
            return true;
        } catch (EcgFormatException expected) {
            assertThat(expected.getMessage()).startsWith("Stored ECG samples are damaged");
            return false;
        }
    }

    private static byte[] mutate(byte[] seed, Random rnd) {
        int cut = rnd.nextInt(10) == 0 ? rnd.nextInt(seed.length + 1) : seed.length;
        byte[] m = Arrays.copyOf(seed, Math.max(0, cut + (rnd.nextInt(5) == 0 ? rnd.nextInt(9) - 4 : 0)));
        for (int e = rnd.nextInt(4); e >= 0 && m.length > 0; e--) {
            int at = rnd.nextInt(m.length);
            m[at] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : INTERESTING[rnd.nextInt(INTERESTING.length)]);
        }
        return m;
    }

    private static byte[] inflate(byte[] stored) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored, 1, stored.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!inflater.finished()) {
                out.write(buf, 0, inflater.inflate(buf));
            }
            return out.toByteArray();
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError(e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] deflated(byte[] raw, int formatByte) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(formatByte);
            byte[] buf = new byte[4096];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
