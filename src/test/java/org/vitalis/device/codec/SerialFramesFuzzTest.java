package org.vitalis.device.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Serial devices send noise on plug-in, at wrong baud rates and after cable faults: the stream decoders must never
 * throw, and every byte must be either inside a decoded frame or counted as skipped. Seeds in
 * {@code SerialFramesFuzzTestInputs/fuzz}; JAZZER_FUZZ=1 fuzzes.
 */
class SerialFramesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzz(byte[] data) {
        int cut = data.length == 0 ? 0 : (data[0] & 0xFF) % (data.length + 1);

        ContecCms50Decoder contec = new ContecCms50Decoder();
        SerialDecodersTest.decodeSplit(contec, data, cut);
        assertThat(contec.framesDecoded() * 5 + contec.bytesSkipped()).isEqualTo(data.length);

        OpenBciCytonDecoder cyton = new OpenBciCytonDecoder();
        SerialDecodersTest.decodeSplit(cyton, data, cut);
        assertThat(cyton.framesDecoded() * OpenBciCytonDecoder.FRAME + cyton.bytesSkipped()).isEqualTo(data.length);

        for (StreamDecoder<?> lines : List.<StreamDecoder<?>>of(new MasimoRadical7Decoder(),
                new AsciiEcgDecoder(250, new BigDecimal("3.3"), 512))) {
            SerialDecodersTest.decodeSplit(lines, data, cut);
            assertThat(lines.bytesSkipped()).isBetween(0L, (long) data.length);
            assertThat(lines.resynchronisations()).isLessThanOrEqualTo(lines.bytesSkipped());
        }
    }

    @Test
    void seededMutationsOfValidStreams() {
        int[] counts = {1, -2, 3, -4, 5, -6, 7, -8};
        byte[][] valid = {
            SerialDecodersTest.concat(SerialDecodersTest.cms50(5, true, 60, 4, 75, 97),
                    SerialDecodersTest.cms50(6, false, 61, 5, 200, 96)),
            SerialDecodersTest.concat(SerialDecodersTest.cyton(1, counts, 0xC0, 1, 2, 3, 4, 5, 6),
                    SerialDecodersTest.cyton(2, counts, 0xC5)),
            SerialDecodersTest.ascii(SerialDecodersTest.RAD7 + SerialDecodersTest.RAD7),
            SerialDecodersTest.ascii("512\n530\n-7\n")};
        Random random = new Random(5_033);
        for (int i = 0; i < 4000; i++) {
            byte[] m = Mutations.mutate(valid[i % valid.length], random);
            if (random.nextBoolean()) {
                m = Mutations.mutate(m, random);
            }
            fuzz(m);
        }
    }

    @Test
    void randomNoiseNeverThrows() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            byte[] b = new byte[random.nextInt(200)];
            random.nextBytes(b);
            fuzz(b);
        }
    }
}
