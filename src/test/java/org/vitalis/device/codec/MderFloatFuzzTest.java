package org.vitalis.device.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every bit pattern is a valid SFLOAT/FLOAT: decoding never throws for the right length, and a number is exactly
 * mantissa x 10^exponent. Wrong lengths throw only {@link CodecException}. Seeds in
 * {@code MderFloatFuzzTestInputs/fuzz}; JAZZER_FUZZ=1 fuzzes.
 */
class MderFloatFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) {
        try {
            check(MderFloat.sfloat(data));
        } catch (CodecException e) {
            assertThat(data.length).isNotEqualTo(2);
        }
        try {
            check(MderFloat.float32(data));
        } catch (CodecException e) {
            assertThat(data.length).isNotEqualTo(4);
        }
    }

    private static void check(MderFloat f) {
        if (f.isNumber()) {
            assertThat(f.value()).isEqualByComparingTo(BigDecimal.valueOf(f.mantissa()).scaleByPowerOfTen(f.exponent()));
        } else {
            assertThat(f.value()).isNull();
            assertThat(f.exponent()).isZero();
        }
    }

    @Test
    void everySfloatBitPatternDecodes() {
        int specials = 0;
        for (int raw = 0; raw <= 0xFFFF; raw++) {
            MderFloat f = MderFloat.sfloat(raw);
            check(f);
            specials += f.isNumber() ? 0 : 1;
        }
        assertThat(specials).isEqualTo(5);
    }

    @Test
    void seededRandomFloatsAndLengths() {
        Random random = new Random(11073);
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[random.nextInt(6)];
            random.nextBytes(b);
            fuzz(b);
        }
    }
}
