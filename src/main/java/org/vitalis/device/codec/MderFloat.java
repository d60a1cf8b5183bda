package org.vitalis.device.codec;

import java.math.BigDecimal;

/**
 * An IEEE 11073-20601 medical-device FLOAT or SFLOAT (IEEE 11073-20601:2019 Annex F.6 and F.7; reused by the
 * Bluetooth GATT Specification Supplement 2.5 "medfloat16/medfloat32"). The value is mantissa x 10^exponent,
 * kept as an exact {@link BigDecimal} so no binary rounding changes a clinical number.
 *
 * @param kind     whether this is a number or one of the special values
 * @param mantissa the signed mantissa (12 bits for SFLOAT, 24 bits for FLOAT)
 * @param exponent the signed base-10 exponent (4 bits for SFLOAT, 8 bits for FLOAT)
 * @param value    mantissa x 10^exponent for {@link Kind#NUMBER}; null for the special values
 */
public record MderFloat(Kind kind, int mantissa, int exponent, BigDecimal value) {

    /** The special values of F.6/F.7: only defined with exponent 0, so other mantissas with these bits are numbers. */
    public enum Kind {
        NUMBER, NAN, NRES, POSITIVE_INFINITY, NEGATIVE_INFINITY, RESERVED
    }

    // SFLOAT specials, 20601 Annex F.7 table: exponent 0 and these 12-bit mantissas.
    private static final int S_NAN = 0x07FF;
    private static final int S_NRES = 0x0800;
    private static final int S_POS_INF = 0x07FE;
    private static final int S_NEG_INF = 0x0802;
    private static final int S_RESERVED = 0x0801;
    // FLOAT specials, 20601 Annex F.6 table: exponent 0 and these 24-bit mantissas.
    private static final int F_NAN = 0x007FFFFF;
    private static final int F_NRES = 0x00800000;
    private static final int F_POS_INF = 0x007FFFFE;
    private static final int F_NEG_INF = 0x00800002;
    private static final int F_RESERVED = 0x00800001;

    /** Decodes the 16 bits of an SFLOAT: 4-bit two's complement exponent over a 12-bit two's complement mantissa. */
    public static MderFloat sfloat(int raw16) {
        int raw = raw16 & 0xFFFF;
        int m = raw & 0x0FFF;
        int e = (raw >> 12) & 0x0F;
        if (e == 0) {
            Kind special = switch (m) {
                case S_NAN -> Kind.NAN;
                case S_NRES -> Kind.NRES;
                case S_POS_INF -> Kind.POSITIVE_INFINITY;
                case S_NEG_INF -> Kind.NEGATIVE_INFINITY;
                case S_RESERVED -> Kind.RESERVED;
                default -> null;
            };
            if (special != null) {
                return new MderFloat(special, signExtend(m, 12), 0, null);
            }
        }
        return number(signExtend(m, 12), signExtend(e, 4));
    }

    /** Decodes the 32 bits of a FLOAT: 8-bit two's complement exponent over a 24-bit two's complement mantissa. */
    public static MderFloat float32(int raw32) {
        int m = raw32 & 0x00FFFFFF;
        int e = (raw32 >> 24) & 0xFF;
        if (e == 0) {
            Kind special = switch (m) {
                case F_NAN -> Kind.NAN;
                case F_NRES -> Kind.NRES;
                case F_POS_INF -> Kind.POSITIVE_INFINITY;
                case F_NEG_INF -> Kind.NEGATIVE_INFINITY;
                case F_RESERVED -> Kind.RESERVED;
                default -> null;
            };
            if (special != null) {
                return new MderFloat(special, signExtend(m, 24), 0, null);
            }
        }
        return number(signExtend(m, 24), signExtend(e, 8));
    }

    /** Decodes a 2-byte little-endian SFLOAT as it appears on air. */
    public static MderFloat sfloat(byte[] twoBytes) {
        ByteReader r = new ByteReader(twoBytes);
        MderFloat f = r.sfloat("SFLOAT");
        r.end("SFLOAT");
        return f;
    }

    /** Decodes a 4-byte little-endian FLOAT as it appears on air. */
    public static MderFloat float32(byte[] fourBytes) {
        ByteReader r = new ByteReader(fourBytes);
        MderFloat f = r.float32("FLOAT");
        r.end("FLOAT");
        return f;
    }

    private static MderFloat number(int m, int e) {
        return new MderFloat(Kind.NUMBER, m, e, BigDecimal.valueOf(m).scaleByPowerOfTen(e));
    }

    private static int signExtend(int v, int bits) {
        int shift = 32 - bits;
        return (v << shift) >> shift;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    @Override
    public String toString() {
        return isNumber() ? value.toPlainString() : kind.name();
    }
}
