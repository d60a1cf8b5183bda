package org.vitalis.device.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vitalis.device.codec.Characteristics;
import org.vitalis.domain.VitalSign;

/** A device's own doubts about a measurement reach the device list; the values it sent are still recorded. */
class HealthReadingsTest {
    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void aCuffThatSaysItWasTooLooseAndTheArmMovedIsHeard() throws Exception {
        // 0x2A35: flags 0x10 (status present, mmHg), 120/80 MAP 90 as SFLOAT, status bits 0 and 1 (BPS 1.1, 3.1.1.5).
        var bp = Characteristics.decode(0x2A35, bytes(0x10, 0x78, 0x00, 0x50, 0x00, 0x5A, 0x00, 0x03, 0x00));
        assertThat(HealthReadings.of(bp)).extracting(Measurement::sign)
                .containsExactly(VitalSign.SYSTOLIC_BP, VitalSign.DIASTOLIC_BP);
        assertThat(HealthReadings.deviceWarnings(bp))
                .containsExactly("body movement during the measurement", "cuff too loose");

        var clean = Characteristics.decode(0x2A35, bytes(0x10, 0x78, 0x00, 0x50, 0x00, 0x5A, 0x00, 0x00, 0x00));
        assertThat(HealthReadings.deviceWarnings(clean)).isEmpty();
    }

    @Test
    void aScaleThatCouldNotWeighGivesNoWeightAndAsksForAnother() throws Exception {
        // 0x2A9D: flags 0 (kg), weight 0xFFFF = measurement unsuccessful (WSS 1.0, 3.1.1.1).
        var w = Characteristics.decode(0x2A9D, bytes(0x00, 0xFF, 0xFF));
        assertThat(HealthReadings.of(w)).isEmpty();
        assertThat(HealthReadings.deviceWarnings(w)).containsExactly("measurement unsuccessful, weigh again");
    }
}
