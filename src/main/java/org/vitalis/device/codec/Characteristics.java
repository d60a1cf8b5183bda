package org.vitalis.device.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.vitalis.device.codec.GattValue.BatteryLevel;
import org.vitalis.device.codec.GattValue.BloodPressureFeature;
import org.vitalis.device.codec.GattValue.BloodPressureMeasurement;
import org.vitalis.device.codec.GattValue.BloodPressureStatus;
import org.vitalis.device.codec.GattValue.HeartRateMeasurement;
import org.vitalis.device.codec.GattValue.IntermediateCuffPressure;
import org.vitalis.device.codec.GattValue.PlxContinuous;
import org.vitalis.device.codec.GattValue.PlxDeviceAndSensorStatus;
import org.vitalis.device.codec.GattValue.PlxFeatures;
import org.vitalis.device.codec.GattValue.PlxMeasurementStatus;
import org.vitalis.device.codec.GattValue.PlxSpotCheck;
import org.vitalis.device.codec.GattValue.PulseRateRange;
import org.vitalis.device.codec.GattValue.SpO2PulseRate;
import org.vitalis.device.codec.GattValue.TemperatureMeasurement;
import org.vitalis.device.codec.GattValue.WeightMeasurement;

/**
 * Decoders for the GATT characteristics of the Bluetooth health profiles. Reserved (RFU) flag bits are ignored on
 * receipt, as the Bluetooth Core Specification requires of reserved fields (v5.4, Vol 1, Part E, "General
 * Terminology and Interpretation", Reserved for Future Use), but they stay
 * visible in each value's raw flags; a flag announcing a field that is not there, or bytes left over after the
 * announced fields, is a {@link CodecException}.
 */
public final class Characteristics {
    public static final int BATTERY_LEVEL = 0x2A19;
    public static final int TEMPERATURE_MEASUREMENT = 0x2A1C;
    public static final int BLOOD_PRESSURE_MEASUREMENT = 0x2A35;
    public static final int INTERMEDIATE_CUFF_PRESSURE = 0x2A36;
    public static final int HEART_RATE_MEASUREMENT = 0x2A37;
    public static final int BLOOD_PRESSURE_FEATURE = 0x2A49;
    public static final int RECORD_ACCESS_CONTROL_POINT = 0x2A52;
    public static final int PLX_SPOT_CHECK_MEASUREMENT = 0x2A5E;
    public static final int PLX_CONTINUOUS_MEASUREMENT = 0x2A5F;
    public static final int PLX_FEATURES = 0x2A60;
    public static final int WEIGHT_MEASUREMENT = 0x2A9D;

    /** Every UUID {@link #decode} understands, for help texts and error messages. */
    public static final List<Integer> SUPPORTED = List.of(BATTERY_LEVEL, TEMPERATURE_MEASUREMENT,
            BLOOD_PRESSURE_MEASUREMENT, INTERMEDIATE_CUFF_PRESSURE, HEART_RATE_MEASUREMENT, BLOOD_PRESSURE_FEATURE,
            RECORD_ACCESS_CONTROL_POINT, PLX_SPOT_CHECK_MEASUREMENT, PLX_CONTINUOUS_MEASUREMENT, PLX_FEATURES,
            WEIGHT_MEASUREMENT);

    // Temperature Type names (GSS 3.215; Health Thermometer Service 1.0, 3.2); 0 and 10..255 are reserved.
    private static final String[] TEMPERATURE_TYPES = {null, "Armpit", "Body (general)", "Ear (usually earlobe)",
        "Finger", "Gastro-intestinal Tract", "Mouth", "Rectum", "Toe", "Tympanum (ear drum)"};

    // Weight Scale Service 1.0, 3.1.1 / GSS 3.241: resolutions of the uint16 fields by unit system.
    private static final BigDecimal KG_RESOLUTION = new BigDecimal("0.005");
    private static final BigDecimal LB_RESOLUTION = new BigDecimal("0.01");
    private static final BigDecimal BMI_RESOLUTION = new BigDecimal("0.1");
    private static final BigDecimal M_RESOLUTION = new BigDecimal("0.001");
    private static final BigDecimal IN_RESOLUTION = new BigDecimal("0.1");
    // WSS 1.0, 3.1.1.2: weight 0xFFFF means "Measurement Unsuccessful".
    private static final int WEIGHT_UNSUCCESSFUL = 0xFFFF;
    // HRS 1.0, 3.1.1.5: RR-Interval resolution is 1/1024 second (exact in decimal: 0.0009765625).
    private static final BigDecimal RR_RESOLUTION = new BigDecimal("0.0009765625");

    private Characteristics() {
    }

    /** Decodes a characteristic value as read or notified on air. */
    public static GattValue decode(int uuid16, byte[] value) {
        return switch (uuid16) {
            case BLOOD_PRESSURE_MEASUREMENT -> bloodPressure(value);
            case INTERMEDIATE_CUFF_PRESSURE -> intermediateCuffPressure(value);
            case BLOOD_PRESSURE_FEATURE -> bloodPressureFeature(value);
            case HEART_RATE_MEASUREMENT -> heartRate(value);
            case TEMPERATURE_MEASUREMENT -> temperature(value);
            case PLX_SPOT_CHECK_MEASUREMENT -> plxSpotCheck(value);
            case PLX_CONTINUOUS_MEASUREMENT -> plxContinuous(value);
            case PLX_FEATURES -> plxFeatures(value);
            case WEIGHT_MEASUREMENT -> weight(value);
            case BATTERY_LEVEL -> batteryLevel(value);
            case RECORD_ACCESS_CONTROL_POINT ->
                new GattValue.RacpResponse(RECORD_ACCESS_CONTROL_POINT, RecordAccessControlPoint.decode(value));
            default -> throw new CodecException(String.format("characteristic 0x%04X is not one this decoder knows; "
                    + "supported: %s", uuid16, supportedList()), 0);
        };
    }

    public static String supportedList() {
        StringBuilder sb = new StringBuilder();
        for (int u : SUPPORTED) {
            sb.append(sb.isEmpty() ? "" : ", ").append(String.format("0x%04X", u));
        }
        return sb.toString();
    }

    private static boolean bit(int v, int n) {
        return (v >> n & 1) != 0;
    }

    // Flags of 0x2A35 and 0x2A36 (BPS 1.1, 3.1.1.1): bit 0 kPa, 1 time stamp, 2 pulse rate, 3 user id, 4 status.
    public static BloodPressureMeasurement bloodPressure(byte[] value) {
        ByteReader r = new ByteReader(value);
        int flags = r.u8("Flags");
        boolean kpa = bit(flags, 0);
        Quantity sys = Quantity.pressure(r.sfloat("Systolic"), kpa);
        Quantity dia = Quantity.pressure(r.sfloat("Diastolic"), kpa);
        Quantity map = Quantity.pressure(r.sfloat("Mean Arterial Pressure"), kpa);
        GattDateTime ts = bit(flags, 1) ? r.dateTime("Time Stamp") : null;
        Quantity pr = bit(flags, 2) ? Quantity.same(r.sfloat("Pulse Rate"), "/min") : null;
        Integer user = bit(flags, 3) ? r.u8("User ID") : null;
        BloodPressureStatus status = bit(flags, 4) ? bpStatus(r.u16("Measurement Status")) : null;
        r.end("Blood Pressure Measurement");
        return new BloodPressureMeasurement(BLOOD_PRESSURE_MEASUREMENT, flags, kpa, sys, dia, map, ts, pr, user,
                status);
    }

    public static IntermediateCuffPressure intermediateCuffPressure(byte[] value) {
        ByteReader r = new ByteReader(value);
        int flags = r.u8("Flags");
        boolean kpa = bit(flags, 0);
        Quantity cuff = Quantity.pressure(r.sfloat("Current Cuff Pressure"), kpa);
        MderFloat u1 = r.sfloat("Diastolic (unused)");
        MderFloat u2 = r.sfloat("Mean Arterial Pressure (unused)");
        GattDateTime ts = bit(flags, 1) ? r.dateTime("Time Stamp") : null;
        Quantity pr = bit(flags, 2) ? Quantity.same(r.sfloat("Pulse Rate"), "/min") : null;
        Integer user = bit(flags, 3) ? r.u8("User ID") : null;
        BloodPressureStatus status = bit(flags, 4) ? bpStatus(r.u16("Measurement Status")) : null;
        r.end("Intermediate Cuff Pressure");
        return new IntermediateCuffPressure(INTERMEDIATE_CUFF_PRESSURE, flags, kpa, cuff, u1, u2, ts, pr, user,
                status);
    }

    private static BloodPressureStatus bpStatus(int s) {
        return new BloodPressureStatus(s, bit(s, 0), bit(s, 1), bit(s, 2), PulseRateRange.values()[(s >> 3) & 3],
                bit(s, 5));
    }

    // BPS 1.1, 3.2.1: bit 0 body movement, 1 cuff fit, 2 irregular pulse, 3 pulse rate range, 4 position,
    // 5 multiple bonds, 6 E2E-CRC, 7 User Data Service, 8 User Facing Time.
    public static BloodPressureFeature bloodPressureFeature(byte[] value) {
        ByteReader r = new ByteReader(value);
        int f = r.u16("Blood Pressure Feature");
        r.end("Blood Pressure Feature");
        return new BloodPressureFeature(BLOOD_PRESSURE_FEATURE, f, bit(f, 0), bit(f, 1), bit(f, 2), bit(f, 3),
                bit(f, 4), bit(f, 5), bit(f, 6), bit(f, 7), bit(f, 8));
    }

    // HRS 1.0, 3.1.1.1: bit 0 UINT16 value, bit 1 contact detected, bit 2 contact supported, bit 3 energy
    // expended (kJ, 3.1.1.4), bit 4 RR intervals present (one or more uint16, 3.1.1.5).
    public static HeartRateMeasurement heartRate(byte[] value) {
        ByteReader r = new ByteReader(value);
        int flags = r.u8("Flags");
        boolean u16 = bit(flags, 0);
        int hr = u16 ? r.u16("Heart Rate (UINT16)") : r.u8("Heart Rate (UINT8)");
        boolean supported = bit(flags, 2);
        Boolean contact = supported ? bit(flags, 1) : null;
        Quantity energy = bit(flags, 3) ? Quantity.same(BigDecimal.valueOf(r.u16("Energy Expended")), "kJ") : null;
        List<Integer> rr = null;
        List<BigDecimal> rrSeconds = null;
        if (bit(flags, 4)) {
            if (r.remaining() < 2) {
                throw new CodecException("RR-Interval flag is set but no RR-Interval follows", r.position());
            }
            rr = new ArrayList<>();
            rrSeconds = new ArrayList<>();
            while (r.remaining() > 0) {
                int v = r.u16("RR-Interval");
                rr.add(v);
                rrSeconds.add(RR_RESOLUTION.multiply(BigDecimal.valueOf(v)));
            }
            rr = List.copyOf(rr);
            rrSeconds = List.copyOf(rrSeconds);
        }
        r.end("Heart Rate Measurement");
        return new HeartRateMeasurement(HEART_RATE_MEASUREMENT, flags, u16, Quantity.same(BigDecimal.valueOf(hr),
                "/min"), supported, contact, energy, rr, rrSeconds);
    }

    // HTS 1.0, 3.1.1.1: bit 0 Fahrenheit, bit 1 time stamp, bit 2 temperature type.
    public static TemperatureMeasurement temperature(byte[] value) {
        ByteReader r = new ByteReader(value);
        int flags = r.u8("Flags");
        boolean f = bit(flags, 0);
        Quantity t = Quantity.temperature(r.float32("Temperature Measurement Value"), f);
        GattDateTime ts = bit(flags, 1) ? r.dateTime("Time Stamp") : null;
        Integer type = null;
        String typeName = null;
        if (bit(flags, 2)) {
            type = r.u8("Temperature Type");
            typeName = type < TEMPERATURE_TYPES.length && TEMPERATURE_TYPES[type] != null ? TEMPERATURE_TYPES[type]
                    : "Reserved for Future Use";
        }
        r.end("Temperature Measurement");
        return new TemperatureMeasurement(TEMPERATURE_MEASUREMENT, flags, f, t, ts, type, typeName);
    }

    private static SpO2PulseRate spo2pr(ByteReader r, String name) {
        return new SpO2PulseRate(Quantity.same(r.sfloat(name + " SpO2"), "%"),
                Quantity.same(r.sfloat(name + " PR"), "/min"));
    }

    // PLXS 1.0, 3.1.1.3 (GSS 3.170.3): bits 5..15 of the Measurement Status.
    static PlxMeasurementStatus plxStatus(int s) {
        return new PlxMeasurementStatus(s, bit(s, 5), bit(s, 6), bit(s, 7), bit(s, 8), bit(s, 9), bit(s, 10),
                bit(s, 11), bit(s, 12), bit(s, 13), bit(s, 14), bit(s, 15));
    }

    // PLXS 1.0, 3.1.1.4 (GSS 3.170.4): bits 0..15 of the Device and Sensor Status.
    static PlxDeviceAndSensorStatus plxDeviceStatus(int s) {
        return new PlxDeviceAndSensorStatus(s, bit(s, 0), bit(s, 1), bit(s, 2), bit(s, 3), bit(s, 4), bit(s, 5),
                bit(s, 6), bit(s, 7), bit(s, 8), bit(s, 9), bit(s, 10), bit(s, 11), bit(s, 12), bit(s, 13),
                bit(s, 14), bit(s, 15));
    }

    // PLXS 1.0, 3.1.1.1: bit 0 time stamp, 1 measurement status, 2 device and sensor status, 3 pulse amplitude
    // index, 4 device clock is not set.
    public static PlxSpotCheck plxSpotCheck(byte[] value) {
        ByteReader r = new ByteReader(value);
        int flags = r.u8("Flags");
        SpO2PulseRate sc = spo2pr(r, "SpO2PR-Spot-Check");
        GattDateTime ts = bit(flags, 0) ? r.dateTime("Timestamp") : null;
        PlxMeasurementStatus ms = bit(flags, 1) ? plxStatus(r.u16("Measurement Status")) : null;
        PlxDeviceAndSensorStatus ds = bit(flags, 2) ? plxDeviceStatus(r.u24("Device and Sensor Status")) : null;
        Quantity pai = bit(flags, 3) ? Quantity.same(r.sfloat("Pulse Amplitude Index"), "%") : null;
        r.end("PLX Spot-Check Measurement");
        return new PlxSpotCheck(PLX_SPOT_CHECK_MEASUREMENT, flags, sc, ts, ms, ds, pai, bit(flags, 4));
    }

    // PLXS 1.0, 3.2.1.1: bit 0 SpO2PR-Fast, 1 SpO2PR-Slow, 2 measurement status, 3 device and sensor status,
    // 4 pulse amplitude index.
    public static PlxContinuous plxContinuous(byte[] value) {
        ByteReader r = new ByteReader(value);
        int flags = r.u8("Flags");
        SpO2PulseRate normal = spo2pr(r, "SpO2PR-Normal");
        SpO2PulseRate fast = bit(flags, 0) ? spo2pr(r, "SpO2PR-Fast") : null;
        SpO2PulseRate slow = bit(flags, 1) ? spo2pr(r, "SpO2PR-Slow") : null;
        PlxMeasurementStatus ms = bit(flags, 2) ? plxStatus(r.u16("Measurement Status")) : null;
        PlxDeviceAndSensorStatus ds = bit(flags, 3) ? plxDeviceStatus(r.u24("Device and Sensor Status")) : null;
        Quantity pai = bit(flags, 4) ? Quantity.same(r.sfloat("Pulse Amplitude Index"), "%") : null;
        r.end("PLX Continuous Measurement");
        return new PlxContinuous(PLX_CONTINUOUS_MEASUREMENT, flags, normal, fast, slow, ms, ds, pai);
    }

    // PLXS 1.0, 3.3.1.1: bit 0 measurement status support present, 1 device and sensor status support present,
    // 2 spot-check storage, 3 spot-check timestamp, 4 SpO2PR-Fast, 5 SpO2PR-Slow, 6 PAI, 7 multiple bonds.
    public static PlxFeatures plxFeatures(byte[] value) {
        ByteReader r = new ByteReader(value);
        int f = r.u16("Supported Features");
        PlxMeasurementStatus ms = bit(f, 0) ? plxStatus(r.u16("Measurement Status Support")) : null;
        PlxDeviceAndSensorStatus ds = bit(f, 1) ? plxDeviceStatus(r.u24("Device and Sensor Status Support")) : null;
        r.end("PLX Features");
        return new PlxFeatures(PLX_FEATURES, f, bit(f, 0), bit(f, 1), bit(f, 2), bit(f, 3), bit(f, 4), bit(f, 5),
                bit(f, 6), bit(f, 7), ms, ds);
    }

    // WSS 1.0, 3.1.1.1: bit 0 imperial units, 1 time stamp, 2 user id, 3 BMI and height.
    public static WeightMeasurement weight(byte[] value) {
        ByteReader r = new ByteReader(value);
        int flags = r.u8("Flags");
        boolean imperial = bit(flags, 0);
        int w = r.u16("Weight");
        boolean unsuccessful = w == WEIGHT_UNSUCCESSFUL;
        Quantity weight = null;
        if (!unsuccessful) {
            weight = imperial ? Quantity.poundsToKg(LB_RESOLUTION.multiply(BigDecimal.valueOf(w)))
                    : Quantity.same(KG_RESOLUTION.multiply(BigDecimal.valueOf(w)), "kg");
        }
        GattDateTime ts = bit(flags, 1) ? r.dateTime("Time Stamp") : null;
        Integer user = bit(flags, 2) ? r.u8("User ID") : null;
        BigDecimal bmi = null;
        Quantity height = null;
        if (bit(flags, 3)) {
            bmi = BMI_RESOLUTION.multiply(BigDecimal.valueOf(r.u16("BMI")));
            int h = r.u16("Height");
            height = imperial ? Quantity.inchesToCm(IN_RESOLUTION.multiply(BigDecimal.valueOf(h)))
                    : Quantity.metresToCm(M_RESOLUTION.multiply(BigDecimal.valueOf(h)));
        }
        r.end("Weight Measurement");
        return new WeightMeasurement(WEIGHT_MEASUREMENT, flags, imperial, unsuccessful, weight, ts, user, bmi, height);
    }

    // BAS 1.0, 3.1: a uint8 percentage, 0..100; 101..255 are prohibited.
    public static BatteryLevel batteryLevel(byte[] value) {
        ByteReader r = new ByteReader(value);
        int level = r.u8("Battery Level");
        if (level > 100) {
            throw new CodecException("Battery Level " + level + " is outside 0..100 %", 0);
        }
        r.end("Battery Level");
        return new BatteryLevel(BATTERY_LEVEL, Quantity.same(BigDecimal.valueOf(level), "%"));
    }
}
