package org.vitalis.device.sim;

import java.time.LocalDateTime;
import java.util.Random;
import org.vitalis.device.codec.Characteristics;
import org.vitalis.device.codec.GattNames;

/**
 * The measuring side of a simulated Bluetooth health device: plausible values of one patient with a little
 * variation from measurement to measurement, encoded as the GATT characteristics carry them (formats: Blood
 * Pressure Service 1.1, 3.1 and 3.3; Health Thermometer Service 1.0, 3.1; Weight Scale Service 1.0, 3.1; IEEE
 * 11073-20601 SFLOAT and FLOAT, exponent in the top 4 / 8 bits).
 */
final class HealthPeripheral {
    /** The kinds of device, with the GATT service and measurement characteristic each one reports through. */
    enum Kind {
        CUFF("Bluetooth blood-pressure cuff", GattNames.BLOOD_PRESSURE, Characteristics.BLOOD_PRESSURE_MEASUREMENT,
                "Vitalis BP Cuff", 0x0380, true),
        THERMOMETER("Bluetooth ear thermometer", GattNames.HEALTH_THERMOMETER,
                Characteristics.TEMPERATURE_MEASUREMENT, "Vitalis Thermo", 0x0300, true),
        // Many scales advertise no name; the host then reads Device Name over GATT.
        SCALE("Bluetooth weight scale", GattNames.WEIGHT_SCALE, Characteristics.WEIGHT_MEASUREMENT,
                "Vitalis Scale", 0x0C80, false);

        final String description;
        final int service;
        final int measurement;
        final String name;
        /** GAP Appearance (Assigned Numbers 2.6): category << 6; BP 0x00E, thermometer 0x00C, weight scale 0x032. */
        final int appearance;
        final boolean advertisesName;

        Kind(String description, int service, int measurement, String name, int appearance, boolean advertisesName) {
            this.description = description;
            this.service = service;
            this.measurement = measurement;
            this.name = name;
            this.appearance = appearance;
            this.advertisesName = advertisesName;
        }
    }

    // IEEE 11073 special value NaN as an SFLOAT (IEEE 11073-20601, table 20): "not a number", for unused fields.
    static final int SFLOAT_NAN = 0x07FF;
    /** The cuff pressures reported while inflating and deflating before the result, mmHg. */
    static final int[] CUFF_PRESSURES = {20, 60, 105, 150, 175, 160, 130, 100};

    private final Kind kind;
    private final Random random;
    private int battery = 91;
    private long measurements;
    private double pulseBpm = 72;

    HealthPeripheral(Kind kind, long seed) {
        this.kind = kind;
        this.random = new Random(seed);
    }

    void pulseRate(double bpm) {
        pulseBpm = bpm;
    }

    Kind kind() {
        return kind;
    }

    int battery() {
        return battery;
    }

    long measurements() {
        return measurements;
    }

    /** The value of the next measurement taken at {@code at} (device clock). */
    byte[] measure(LocalDateTime at) {
        measurements++;
        if (measurements % 5 == 0 && battery > 5) {
            // A cell loses a little with each inflation or measurement.
            battery--;
        }
        return switch (kind) {
            case CUFF -> bloodPressure(at);
            case THERMOMETER -> temperature(at);
            case SCALE -> weight(at);
        };
    }

    private double gauss(double mean, double sd) {
        return mean + sd * random.nextGaussian();
    }

    private byte[] bloodPressure(LocalDateTime at) {
        int sys = (int) Math.round(gauss(121, 5));
        int dia = (int) Math.round(gauss(78, 4));
        dia = Math.min(dia, sys - 25);
        // Mean arterial pressure ~ diastolic + a third of the pulse pressure, as oscillometric cuffs report it.
        int map = Math.round(dia + (sys - dia) / 3f);
        int pulse = (int) Math.round(gauss(pulseBpm, 4));
        // Flags: time stamp (bit 1), pulse rate (bit 2), measurement status (bit 4); pressures in mmHg (bit 0 clear).
        Bytes b = new Bytes().u8(0x16).u16(sfloat(sys, 0)).u16(sfloat(dia, 0)).u16(sfloat(map, 0));
        dateTime(b, at);
        return b.u16(sfloat(pulse, 0)).u16(0x0000).array();
    }

    /** Intermediate Cuff Pressure step {@code i} of {@link #CUFF_PRESSURES}: only the first SFLOAT is used. */
    byte[] cuffPressure(int i) {
        return new Bytes().u8(0x00).u16(sfloat(CUFF_PRESSURES[i], 0)).u16(SFLOAT_NAN).u16(SFLOAT_NAN).array();
    }

    private byte[] temperature(LocalDateTime at) {
        int tenths = (int) Math.round(gauss(36.8, 0.15) * 10);
        // Flags: time stamp (bit 1), temperature type (bit 2); Celsius (bit 0 clear). Type 9 = tympanum (ear drum).
        Bytes b = new Bytes().u8(0x06).u32(float32(tenths, -1));
        dateTime(b, at);
        return b.u8(0x09).array();
    }

    private byte[] weight(LocalDateTime at) {
        double kg = gauss(72.4, 0.2);
        boolean withBmi = measurements % 2 == 0;
        // Flags: time stamp (bit 1), BMI and height (bit 3) every other time; SI units (bit 0 clear).
        Bytes b = new Bytes().u8(withBmi ? 0x0A : 0x02).u16((int) Math.round(kg / 0.005));
        dateTime(b, at);
        if (withBmi) {
            double m = 1.745;
            b.u16((int) Math.round(kg / (m * m) * 10)).u16((int) Math.round(m * 1000));
        }
        return b.array();
    }

    byte[] batteryLevel() {
        return new byte[] {(byte) battery};
    }

    /** Blood Pressure Feature: body movement and irregular pulse detection (bits 0 and 2). */
    static byte[] bloodPressureFeature() {
        return new byte[] {0x05, 0x00};
    }

    /** Weight Scale Feature: time stamp (bit 0) and BMI (bit 2) supported, default resolutions. */
    static byte[] weightScaleFeature() {
        return new byte[] {0x05, 0x00, 0x00, 0x00};
    }

    static int sfloat(int mantissa, int exponent) {
        return (exponent & 0xF) << 12 | (mantissa & 0xFFF);
    }

    static int float32(int mantissa, int exponent) {
        return (exponent & 0xFF) << 24 | (mantissa & 0xFFFFFF);
    }

    private static void dateTime(Bytes b, LocalDateTime t) {
        b.u16(t.getYear()).u8(t.getMonthValue()).u8(t.getDayOfMonth()).u8(t.getHour()).u8(t.getMinute())
                .u8(t.getSecond());
    }

    /** A little-endian byte builder. */
    static final class Bytes {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v & 0xFF);
            return this;
        }

        Bytes u16(int v) {
            return u8(v).u8(v >> 8);
        }

        Bytes u32(int v) {
            return u16(v).u16(v >> 16);
        }

        Bytes bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        byte[] array() {
            return out.toByteArray();
        }
    }
}
