package org.vitalis.device.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors derived from IEEE 11073-20601 Annex F.6 (FLOAT) and F.7 (SFLOAT). */
class MderFloatTest {

    @ParameterizedTest(name = "SFLOAT 0x{0} is {1}")
    @CsvSource({"07FF, NAN", "0800, NRES", "07FE, POSITIVE_INFINITY", "0802, NEGATIVE_INFINITY", "0801, RESERVED"})
    void sfloatSpecialValuesNeedExponentZero(String hex, MderFloat.Kind kind) {
        MderFloat f = MderFloat.sfloat(Integer.parseInt(hex, 16));
        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.value()).isNull();
        // The same mantissa with a non-zero exponent is an ordinary number, not a special value.
        MderFloat shifted = MderFloat.sfloat(0x1000 | Integer.parseInt(hex, 16));
        assertThat(shifted.kind()).isEqualTo(MderFloat.Kind.NUMBER);
    }

    @ParameterizedTest(name = "FLOAT 0x{0} is {1}")
    @CsvSource({"007FFFFF, NAN", "00800000, NRES", "007FFFFE, POSITIVE_INFINITY", "00800002, NEGATIVE_INFINITY",
        "00800001, RESERVED"})
    void floatSpecialValues(String hex, MderFloat.Kind kind) {
        MderFloat f = MderFloat.float32(Integer.parseUnsignedInt(hex, 16));
        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.value()).isNull();
    }

    @ParameterizedTest(name = "SFLOAT 0x{0} = {1}")
    @CsvSource({"0000, 0", "0001, 1", "F072, 11.4", "007B, 123", "0FFF, -1", "0801 , RESERVED", "1001, 10",
        "8001, 1E-8", "7001, 1E+7", "F801, -204.7", "E7FD, 20.45", "07FD, 2045", "0803, -2045", "F7FF, 204.7"})
    void sfloatNumbersAreExact(String hex, String expected) {
        MderFloat f = MderFloat.sfloat(Integer.parseInt(hex.strip(), 16));
        if (expected.equals("RESERVED")) {
            assertThat(f.kind()).isEqualTo(MderFloat.Kind.RESERVED);
        } else {
            assertThat(f.value()).isEqualByComparingTo(new BigDecimal(expected));
        }
    }

    @Test
    void floatNumbersAreExactWithoutBinaryRounding() {
        // 36.97 has no exact binary representation; mantissa 3697 x 10^-2 keeps it exact.
        MderFloat f = MderFloat.float32(new byte[] {0x71, 0x0E, 0x00, (byte) 0xFE});
        assertThat(f.value()).isEqualTo(new BigDecimal("36.97"));
        assertThat(f.mantissa()).isEqualTo(3697);
        assertThat(f.exponent()).isEqualTo(-2);
        // Exponent 127 and mantissa -1: a number, even though all bits are set except the sign of the exponent.
        assertThat(MderFloat.float32(0x7FFFFFFF).value()).isEqualByComparingTo(new BigDecimal("-1E+127"));
        assertThat(MderFloat.float32(0x80000001).value()).isEqualByComparingTo(new BigDecimal("1E-128"));
        assertThat(MderFloat.float32(0x00800003).value()).isEqualByComparingTo(new BigDecimal("-8388605"));
    }

    @Test
    void wrongLengthsAreRejectedWithTheOffset() {
        assertThatThrownBy(() -> MderFloat.sfloat(new byte[] {1})).isInstanceOf(CodecException.class)
                .hasMessageContaining("SFLOAT needs 2 bytes").hasMessageContaining("offset 0");
        assertThatThrownBy(() -> MderFloat.float32(new byte[] {1, 2, 3, 4, 5})).isInstanceOf(CodecException.class)
                .hasMessageContaining("trailing").hasMessageContaining("offset 4");
    }
}
