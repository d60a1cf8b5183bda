package org.vitalis.device.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitalis.device.codec.GattValue.BatteryLevel;
import org.vitalis.device.codec.GattValue.BloodPressureFeature;
import org.vitalis.device.codec.GattValue.BloodPressureMeasurement;
import org.vitalis.device.codec.GattValue.HeartRateMeasurement;
import org.vitalis.device.codec.GattValue.IntermediateCuffPressure;
import org.vitalis.device.codec.GattValue.PlxContinuous;
import org.vitalis.device.codec.GattValue.PlxFeatures;
import org.vitalis.device.codec.GattValue.PlxSpotCheck;
import org.vitalis.device.codec.GattValue.PulseRateRange;
import org.vitalis.device.codec.GattValue.TemperatureMeasurement;
import org.vitalis.device.codec.GattValue.WeightMeasurement;

/** Vectors built by hand from the field tables of the service specifications cited in {@link Characteristics}. */
class CharacteristicsTest {

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    static GattValue decode(int uuid, String h) {
        return Characteristics.decode(uuid, hex(h));
    }

    static void assertValue(Quantity q, String value, String unit, String original, String originalUnit) {
        assertThat(q.value()).isEqualByComparingTo(value);
        assertThat(q.unit()).isEqualTo(unit);
        assertThat(q.originalValue()).isEqualByComparingTo(original);
        assertThat(q.originalUnit()).isEqualTo(originalUnit);
    }

    @Test
    void bloodPressureInMmHgWithEveryOptionalField() {
        // flags 0x1E: mmHg, time stamp, pulse rate, user id, status; 120/80 MAP 93, 2024-03-09 08:15:30, 72 /min,
        // user 3, status 0x0035 = body movement, irregular pulse, pulse rate range "below" (0b10), improper position.
        var bp = (BloodPressureMeasurement) decode(0x2A35, "1E 7800 5000 5D00 E807 03 09 08 0F 1E 4800 03 3500");
        assertValue(bp.systolic(), "120", "mm[Hg]", "120", "mm[Hg]");
        assertValue(bp.diastolic(), "80", "mm[Hg]", "80", "mm[Hg]");
        assertValue(bp.meanArterialPressure(), "93", "mm[Hg]", "93", "mm[Hg]");
        assertThat(bp.timeStamp()).isEqualTo(new GattDateTime(2024, 3, 9, 8, 15, 30));
        assertThat(bp.timeStamp().iso()).isEqualTo("2024-03-09T08:15:30");
        assertValue(bp.pulseRate(), "72", "/min", "72", "/min");
        assertThat(bp.userId()).isEqualTo(3);
        assertThat(bp.status().bodyMovementDetected()).isTrue();
        assertThat(bp.status().cuffTooLoose()).isFalse();
        assertThat(bp.status().irregularPulseDetected()).isTrue();
        assertThat(bp.status().pulseRateRange()).isEqualTo(PulseRateRange.BELOW_LOWER_LIMIT);
        assertThat(bp.status().improperMeasurementPosition()).isTrue();
    }

    @Test
    void bloodPressureInKpaIsConvertedToMmHgKeepingTheOriginal() {
        // 16.0 kPa = F0A0 (mantissa 160, exponent -1); 0.133322 kPa per mm[Hg] (UCUM) gives 120.01 mm[Hg].
        var bp = (BloodPressureMeasurement) decode(0x2A35, "01 A0F0 6AF0 7CF0");
        assertThat(bp.kpa()).isTrue();
        assertValue(bp.systolic(), "120.01", "mm[Hg]", "16.0", "kPa");
        assertValue(bp.diastolic(), "79.51", "mm[Hg]", "10.6", "kPa");
        assertThat(bp.timeStamp()).isNull();
        assertThat(bp.pulseRate()).isNull();
        assertThat(bp.userId()).isNull();
        assertThat(bp.status()).isNull();
    }

    @Test
    void specialValuesSurviveAsSpecialsNotNumbers() {
        var bp = (BloodPressureMeasurement) decode(0x2A35, "04 7800 5000 FF07 FF07");
        assertThat(bp.meanArterialPressure().value()).isNull();
        assertThat(bp.meanArterialPressure().special()).isEqualTo(MderFloat.Kind.NAN);
        assertThat(bp.pulseRate().special()).isEqualTo(MderFloat.Kind.NAN);
    }

    @Test
    void truncatedAndOverlongValuesNameTheFieldAndOffset() {
        assertThatThrownBy(() -> decode(0x2A35, "02 7800 5000 5D00 E807")).isInstanceOf(CodecException.class)
                .hasMessageContaining("Time Stamp needs 7 bytes").hasMessageContaining("offset 7");
        assertThatThrownBy(() -> decode(0x2A35, "00 7800 5000 5D00 00")).isInstanceOf(CodecException.class)
                .hasMessageContaining("trailing").hasMessageContaining("offset 7");
        assertThatThrownBy(() -> decode(0x2A35, "")).isInstanceOf(CodecException.class)
                .hasMessageContaining("Flags needs 1 byte").hasMessageContaining("offset 0");
        assertThatThrownBy(() -> decode(0x2A35, "02 7800 5000 5D00 E807 0D 01 00 00 00"))
                .isInstanceOf(CodecException.class).hasMessageContaining("month 13").hasMessageContaining("offset 9");
        assertThatThrownBy(() -> decode(0x1234, "00")).isInstanceOf(CodecException.class)
                .hasMessageContaining("0x1234").hasMessageContaining("0x2A35");
    }

    @Test
    void intermediateCuffPressureUsesOnlyTheFirstField() {
        var icp = (IntermediateCuffPressure) decode(0x2A36, "14 9600 FF07 FF07 4B00 0800");
        assertValue(icp.cuffPressure(), "150", "mm[Hg]", "150", "mm[Hg]");
        assertThat(icp.unused1().kind()).isEqualTo(MderFloat.Kind.NAN);
        assertValue(icp.pulseRate(), "75", "/min", "75", "/min");
        assertThat(icp.status().pulseRateRange()).isEqualTo(PulseRateRange.EXCEEDS_UPPER_LIMIT);
    }

    @Test
    void bloodPressureFeatureHasEveryBit() {
        var f = (BloodPressureFeature) decode(0x2A49, "FF01");
        assertThat(List.of(f.bodyMovementDetection(), f.cuffFitDetection(), f.irregularPulseDetection(),
                f.pulseRateRangeDetection(), f.measurementPositionDetection(), f.multipleBonds(), f.e2eCrc(),
                f.userDataService(), f.userFacingTime())).containsOnly(true);
        var none = (BloodPressureFeature) decode(0x2A49, "0000");
        assertThat(none.bodyMovementDetection() || none.userFacingTime()).isFalse();
        var some = (BloodPressureFeature) decode(0x2A49, "0401");
        assertThat(some.irregularPulseDetection()).isTrue();
        assertThat(some.userFacingTime()).isTrue();
        assertThat(some.cuffFitDetection()).isFalse();
        assertThatThrownBy(() -> decode(0x2A49, "04")).isInstanceOf(CodecException.class);
    }

    @Test
    void heartRateWithEnergyAndRrIntervalsInExactSeconds() {
        var hr = (HeartRateMeasurement) decode(0x2A37, "1E 48 2C01 0004 0002");
        assertValue(hr.heartRate(), "72", "/min", "72", "/min");
        assertThat(hr.sensorContactSupported()).isTrue();
        assertThat(hr.sensorContact()).isTrue();
        assertValue(hr.energyExpended(), "300", "kJ", "300", "kJ");
        assertThat(hr.rrIntervals1024()).containsExactly(1024, 512);
        assertThat(hr.rrIntervalsSeconds()).containsExactly(new BigDecimal("1.0000000000"),
                new BigDecimal("0.5000000000"));
        var u16 = (HeartRateMeasurement) decode(0x2A37, "01 2C01");
        assertThat(u16.heartRate().value()).isEqualByComparingTo("300");
        assertThat(u16.sensorContact()).isNull();
        assertThatThrownBy(() -> decode(0x2A37, "10 48 00")).isInstanceOf(CodecException.class)
                .hasMessageContaining("RR-Interval").hasMessageContaining("offset 2");
    }

    @Test
    void temperatureInFahrenheitIsConvertedAndTypeNamed() {
        // 98.6 degF = mantissa 986 (0x0003DA), exponent -1 (0xFF); type 6 Mouth; 2023-12-31 23:59:59.
        var t = (TemperatureMeasurement) decode(0x2A1C, "07 DA0300FF E707 0C 1F 17 3B 3B 06");
        assertThat(t.fahrenheit()).isTrue();
        assertValue(t.temperature(), "37.00", "Cel", "98.6", "[degF]");
        assertThat(t.timeStamp().iso()).isEqualTo("2023-12-31T23:59:59");
        assertThat(t.temperatureType()).isEqualTo(6);
        assertThat(t.temperatureTypeName()).isEqualTo("Mouth");
        var reserved = (TemperatureMeasurement) decode(0x2A1C, "04 6E0100FF 0A");
        assertValue(reserved.temperature(), "36.6", "Cel", "36.6", "Cel");
        assertThat(reserved.temperatureTypeName()).isEqualTo("Reserved for Future Use");
    }

    @Test
    void plxSpotCheckWithEveryField() {
        // flags 0x1F; SpO2 97 %, PR 64.5 /min (F285 = 645e-1); 2024-01-02 03:04:05; measurement status 0x0180
        // (validated + fully qualified); device status 0x002020 (low perfusion, sensor displaced); PAI 2.5 %.
        var s = (PlxSpotCheck) decode(0x2A5E, "1F 6100 85F2 E807 01 02 03 04 05 8001 202000 19F0");
        assertValue(s.spotCheck().spo2(), "97", "%", "97", "%");
        assertValue(s.spotCheck().pulseRate(), "64.5", "/min", "64.5", "/min");
        assertThat(s.timeStamp().iso()).isEqualTo("2024-01-02T03:04:05");
        assertThat(s.measurementStatus().validatedData()).isTrue();
        assertThat(s.measurementStatus().fullyQualifiedData()).isTrue();
        assertThat(s.measurementStatus().measurementOngoing()).isFalse();
        assertThat(s.deviceAndSensorStatus().lowPerfusionDetected()).isTrue();
        assertThat(s.deviceAndSensorStatus().sensorDisplaced()).isTrue();
        assertThat(s.deviceAndSensorStatus().sensorDisconnected()).isFalse();
        assertValue(s.pulseAmplitudeIndex(), "2.5", "%", "2.5", "%");
        assertThat(s.deviceClockNotSet()).isTrue();
        var minimal = (PlxSpotCheck) decode(0x2A5E, "00 6200 4800");
        assertThat(minimal.timeStamp()).isNull();
        assertThat(minimal.deviceClockNotSet()).isFalse();
    }

    @Test
    void plxContinuousWithFastAndSlow() {
        var c = (PlxContinuous) decode(0x2A5F, "1F 6100 4800 6200 4900 6000 4700 2000 008000 1EF0");
        assertThat(c.normal().spo2().value()).isEqualByComparingTo("97");
        assertThat(c.fast().spo2().value()).isEqualByComparingTo("98");
        assertThat(c.slow().pulseRate().value()).isEqualByComparingTo("71");
        assertThat(c.measurementStatus().measurementOngoing()).isTrue();
        assertThat(c.deviceAndSensorStatus().sensorDisconnected()).isTrue();
        assertThat(c.pulseAmplitudeIndex().value()).isEqualByComparingTo("3.0");
        var normalOnly = (PlxContinuous) decode(0x2A5F, "00 FF07 FF07");
        assertThat(normalOnly.normal().spo2().special()).isEqualTo(MderFloat.Kind.NAN);
        assertThat(normalOnly.fast()).isNull();
        assertThatThrownBy(() -> decode(0x2A5F, "01 6100 4800 6200")).isInstanceOf(CodecException.class)
                .hasMessageContaining("SpO2PR-Fast PR").hasMessageContaining("offset 7");
    }

    @Test
    void plxFeaturesWithSupportFields() {
        var f = (PlxFeatures) decode(0x2A60, "FF00 E0FF FFFF00");
        assertThat(f.spotCheckMeasurementStorage() && f.spo2prFast() && f.multipleBonds()).isTrue();
        assertThat(f.measurementStatusSupport().invalidMeasurementDetected()).isTrue();
        assertThat(f.deviceAndSensorStatusSupport().extendedDisplayUpdateOngoing()).isTrue();
        var bare = (PlxFeatures) decode(0x2A60, "0400");
        assertThat(bare.measurementStatusSupport()).isNull();
        assertThat(bare.spotCheckMeasurementStorage()).isTrue();
    }

    @Test
    void weightInSiAndImperialUnits() {
        // SI: 14000 x 0.005 kg = 70 kg; BMI 229 x 0.1 = 22.9; height 1750 x 0.001 m = 175 cm; user 2.
        var si = (WeightMeasurement) decode(0x2A9D, "0E B036 E807 05 06 07 08 09 02 E500 D606");
        assertValue(si.weight(), "70", "kg", "70.000", "kg");
        assertThat(si.bmi()).isEqualByComparingTo("22.9");
        assertValue(si.height(), "175", "cm", "1.750", "m");
        assertThat(si.userId()).isEqualTo(2);
        // Imperial: 15432 x 0.01 lb = 154.32 lb = 69.9983... kg exactly; height 689 x 0.1 in = 68.9 in = 175.006 cm.
        var imp = (WeightMeasurement) decode(0x2A9D, "09 483C E500 B102");
        assertValue(imp.weight(), "69.9983745384", "kg", "154.32", "[lb_av]");
        assertValue(imp.height(), "175.006", "cm", "68.9", "[in_i]");
        var failed = (WeightMeasurement) decode(0x2A9D, "04 FFFF FF");
        assertThat(failed.measurementUnsuccessful()).isTrue();
        assertThat(failed.weight()).isNull();
        assertThat(failed.userId()).isEqualTo(255);
    }

    @Test
    void batteryLevelIsAPercentageUpTo100() {
        assertThat(((BatteryLevel) decode(0x2A19, "64")).level().value()).isEqualByComparingTo("100");
        assertThat(((BatteryLevel) decode(0x2A19, "00")).level().unit()).isEqualTo("%");
        assertThatThrownBy(() -> decode(0x2A19, "65")).isInstanceOf(CodecException.class)
                .hasMessageContaining("101");
    }

    @Test
    void recordAccessControlPointRequestsAndResponses() {
        assertThat(RecordAccessControlPoint.reportAll()).containsExactly(hex("0101"));
        assertThat(RecordAccessControlPoint.reportGreaterOrEqual(0x1234)).containsExactly(hex("0103013412"));
        assertThat(RecordAccessControlPoint.reportLessOrEqual(5)).containsExactly(hex("0102010500"));
        assertThat(RecordAccessControlPoint.reportRange(1, 0x0100)).containsExactly(hex("010401010000 01"));
        assertThat(RecordAccessControlPoint.reportNumberOfRecords()).containsExactly(hex("0401"));
        assertThat(RecordAccessControlPoint.deleteAll()).containsExactly(hex("0201"));
        assertThat(RecordAccessControlPoint.abort()).containsExactly(hex("0300"));
        assertThatThrownBy(() -> RecordAccessControlPoint.reportRange(5, 4))
                .isInstanceOf(IllegalArgumentException.class);

        var count = (GattValue.RacpResponse) decode(0x2A52, "05002A01");
        assertThat(count.response()).isEqualTo(new RecordAccessControlPoint.NumberOfRecords(298));
        var code = (GattValue.RacpResponse) decode(0x2A52, "06000106");
        assertThat(code.response()).isEqualTo(new RecordAccessControlPoint.ResponseCode(1, "Report stored records", 6,
                RecordAccessControlPoint.ResponseValue.NO_RECORDS_FOUND));
        var ok = (RecordAccessControlPoint.ResponseCode) RecordAccessControlPoint.decode(hex("06000301"));
        assertThat(ok.responseValue()).isEqualTo(RecordAccessControlPoint.ResponseValue.SUCCESS);
        assertThat(ok.requestOpCodeName()).isEqualTo("Abort operation");
        assertThatThrownBy(() -> decode(0x2A52, "0101")).isInstanceOf(CodecException.class)
                .hasMessageContaining("not a response");
        assertThatThrownBy(() -> decode(0x2A52, "06010101")).isInstanceOf(CodecException.class)
                .hasMessageContaining("offset 1");
    }
}
