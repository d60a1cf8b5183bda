package org.vitalis.device.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * GATT values come from any device in radio range: whatever the bytes, a decoder returns a value or throws
 * {@link CodecException}; anything else fails. Plain {@code mvn test} runs the seeds in
 * {@code GattCharacteristicsFuzzTestInputs/fuzz}; set JAZZER_FUZZ=1 to fuzz (Jazzer 0.24 cannot instrument Java 25
 * classes, hence the seeded mutations below, which run on every build).
 */
class GattCharacteristicsFuzzTest {
    // One valid value per characteristic, from CharacteristicsTest.
    private static final List<Object[]> VALID = List.of(
            new Object[] {0x2A35, "1E780050005D00E8070309080F1E4800033500"},
            new Object[] {0x2A35, "1E8A00580078000000041114293B3C00012700"},
            new Object[] {0x2A36, "149600FF07FF074B000800"},
            new Object[] {0x2A49, "FF01"},
            new Object[] {0x2A37, "1E482C0100040002"},
            new Object[] {0x2A1C, "07DA0300FFE7070C1F173B3B06"},
            new Object[] {0x2A5E, "1F610085F2E80701020304058001202000" + "19F0"},
            new Object[] {0x2A5F, "1F6100480062004900600047002000008000" + "1EF0"},
            new Object[] {0x2A60, "FF00E0FFFFFF00"},
            new Object[] {0x2A9D, "0EB036E8070506070809" + "02E500D606"},
            new Object[] {0x2A19, "64"},
            new Object[] {0x2A52, "06000106"});

    @FuzzTest(maxDuration = "60s")
    void fuzz(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int uuid = Characteristics.SUPPORTED.get((data[0] & 0xFF) % Characteristics.SUPPORTED.size());
        decodeCleanly(uuid, Arrays.copyOfRange(data, 1, data.length));
    }

    static void decodeCleanly(int uuid, byte[] value) {
        try {
            GattValue v = Characteristics.decode(uuid, value);
            assertThat(v.uuid()).isEqualTo(uuid);
        } catch (CodecException expected) {
            assertThat(expected.getMessage()).contains("offset");
            assertThat(expected.offset()).isBetween(0, value.length);
        }
    }

    @Test
    void seededMutationsOfValidValuesDecodeOrFailCleanly() {
        Random random = new Random(20261124);
        for (Object[] v : VALID) {
            int uuid = (Integer) v[0];
            byte[] valid = HexFormat.of().parseHex((String) v[1]);
            // The seed itself must be valid, or the mutations would only ever explore the error paths.
            assertThat(Characteristics.decode(uuid, valid).uuid()).isEqualTo(uuid);
            for (int i = 0; i < 600; i++) {
                decodeCleanly(uuid, Mutations.mutate(valid, random));
            }
        }
    }

    @Test
    void everyTruncationAndEveryFlagsByteOfEveryCharacteristic() {
        for (Object[] v : VALID) {
            int uuid = (Integer) v[0];
            byte[] valid = HexFormat.of().parseHex((String) v[1]);
            for (int n = 0; n <= valid.length; n++) {
                decodeCleanly(uuid, Arrays.copyOf(valid, n));
            }
            for (int flags = 0; flags < 256; flags++) {
                byte[] m = valid.clone();
                m[0] = (byte) flags;
                decodeCleanly(uuid, m);
            }
        }
    }
}
