package org.vitalis.ecg.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vitalis.ecg.SharedData;

class EcgSampleCodecTest {

    @Test
    void extremesAndEmptyComeBackExactly() {
        int[][] cases = {
            {},
            {0},
            {Integer.MIN_VALUE},
            {Integer.MAX_VALUE},
            {Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, 0, -1, 1, Integer.MAX_VALUE, Integer.MAX_VALUE},
            {-8_388_608, 8_388_607, -8_388_608, 8_388_607}, // 24-bit ADC rails (OpenBCI)
            {5, 5, 5, 5, 5, 5, 5, 5},
        };
        for (int[] samples : cases) {
            byte[] encoded = EcgSampleCodec.encode(samples);
            assertThat(EcgSampleCodec.decode(encoded, samples.length)).as(Arrays.toString(samples)).containsExactly(samples);
        }
    }

    @Test
    void randomFullRangeIntegersComeBackExactly() {
        Random rnd = new Random(5);
        int[] samples = new int[20_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = rnd.nextInt();
        }
        assertThat(EcgSampleCodec.decode(EcgSampleCodec.encode(samples), samples.length)).isEqualTo(samples);
    }

    /** MIT-BIH 100s: 2 leads, 360 Hz, 11-bit samples (format 212, which itself spends 1.5 bytes per sample). */
    @Test
    void mitBih100sRoundTripsAndCompressesBelowSixtyPercentOfTwoBytesPerSample() throws IOException {
        Path dir = SharedData.require("ecg-formats/wfdb-100s");
        EcgRecord r = WfdbFiles.read(dir.resolve("100s.hea"));
        long bytes = 0;
        long samples = 0;
        for (EcgLead lead : r.leads()) {
            byte[] encoded = EcgSampleCodec.encode(lead.samples());
            assertThat(EcgSampleCodec.decode(encoded, lead.samples().length)).isEqualTo(lead.samples());
            bytes += encoded.length;
            samples += lead.samples().length;
        }
        double perSample = (double) bytes / samples;
        System.out.printf("MIT-BIH 100s: %d samples in %d bytes, %.3f bytes/sample (%.0f %% of 16-bit)%n", samples, bytes,
                perSample, perSample / 2 * 100);
        assertThat(perSample).isLessThan(0.6 * 2);
    }

    /** PTB s0010_re: 15 leads, 1000 Hz, 16-bit samples. */
    @Test
    void ptb15LeadRoundTrips() throws IOException {
        Path dir = SharedData.require("ecg-formats/ptbdb-12lead");
        EcgRecord r = WfdbFiles.read(dir.resolve("s0010_re.hea"));
        long bytes = 0;
        long samples = 0;
        for (EcgLead lead : r.leads()) {
            byte[] encoded = EcgSampleCodec.encode(lead.samples());
            assertThat(EcgSampleCodec.decode(encoded, lead.samples().length)).isEqualTo(lead.samples());
            bytes += encoded.length;
            samples += lead.samples().length;
        }
        System.out.printf("PTB s0010_re: %d leads, %d samples in %d bytes, %.3f bytes/sample%n", r.leads().size(), samples,
                bytes, (double) bytes / samples);
        assertThat((double) bytes / samples).isLessThan(2);
    }

    @Test
    void aWrongCountOrDamagedBytesAreRefusedWithASentence() {
        int[] samples = new int[1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (int) (500 * Math.sin(i / 20.0));
        }
        byte[] good = EcgSampleCodec.encode(samples);
        assertThatThrownBy(() -> EcgSampleCodec.decode(good, 999)).isInstanceOf(EcgFormatException.class)
                .hasMessageContaining("more than the expected 999 samples");
        assertThatThrownBy(() -> EcgSampleCodec.decode(good, 1001)).isInstanceOf(EcgFormatException.class)
                .hasMessageContaining("holds 1000 samples, not the expected 1001");
        assertThatThrownBy(() -> EcgSampleCodec.decode(Arrays.copyOf(good, good.length - 3), 1000))
                .isInstanceOf(EcgFormatException.class).hasMessageStartingWith("Stored ECG samples are damaged");
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        assertThatThrownBy(() -> EcgSampleCodec.decode(flipped, 1000)).isInstanceOf(EcgFormatException.class);
        byte[] otherFormat = good.clone();
        otherFormat[0] = 2;
        assertThatThrownBy(() -> EcgSampleCodec.decode(otherFormat, 1000)).isInstanceOf(EcgFormatException.class)
                .hasMessageContaining("unknown format 2");
        assertThatThrownBy(() -> EcgSampleCodec.decode(new byte[0], 0)).isInstanceOf(EcgFormatException.class);
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> EcgSampleCodec.decode(trailing, 1000)).isInstanceOf(EcgFormatException.class)
                .hasMessageContaining("stray bytes");
    }
}
