package org.vitalis.device.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A Bluetooth dongle's serial line can carry noise, and ATT PDUs and advertisements come from any device in radio
 * range: the H4 framing never throws and accounts for every byte, ATT and advertising data parse or throw
 * {@link CodecException}, L2CAP reassembly and the capture decoder never throw. Seeds in
 * {@code BleFramesFuzzTestInputs/fuzz}; JAZZER_FUZZ=1 fuzzes (Jazzer cannot instrument Java 25 classes, hence the
 * seeded mutations, which run on every build).
 */
class BleFramesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzz(byte[] data) {
        int cut = data.length == 0 ? 0 : (data[0] & 0xFF) % (data.length + 1);
        for (H4Decoder d : List.of(H4Decoder.fromController(), H4Decoder.fromHost(),
                new H4Decoder(H4Decoder.Direction.FROM_CONTROLLER, 27))) {
            d.feed(data, 0, cut);
            List<HciPacket> packets = d.feed(data, cut, data.length - cut);
            d.finish();
            assertThat(d.bytesInFrames() + d.bytesSkipped()).isEqualTo(data.length);
            assertThat(d.resynchronisations()).isLessThanOrEqualTo(d.bytesSkipped());
            L2cap.Reassembler r = new L2cap.Reassembler(64);
            for (HciPacket p : packets) {
                if (p instanceof HciPacket.Acl acl) {
                    L2cap.Frame f = r.accept(acl);
                    if (f != null) {
                        assertThat(f.payload().length).isLessThanOrEqualTo(64);
                    }
                }
            }
        }
        BleCaptureDecoder capture = new BleCaptureDecoder();
        capture.feed(data, 0, cut);
        capture.feed(data, cut, data.length - cut);
        capture.finish();
        assertThat(capture.bytesSkipped()).isGreaterThanOrEqualTo(0);
        parseCleanly(data);
    }

    static void parseCleanly(byte[] data) {
        try {
            AttPdu pdu = Att.parse(data);
            assertThat(pdu.opcode()).isEqualTo(data[0] & 0xFF);
            if (!(pdu instanceof AttPdu.Other)) {
                // What parses re-encodes to the same bytes.
                assertThat(Att.encode(pdu)).isEqualTo(data);
            }
        } catch (CodecException expected) {
            assertThat(expected.offset()).isBetween(0, data.length);
        }
        try {
            AdvertisingData ad = AdvertisingData.parse(data);
            assertThat(ad.serviceUuids16()).allMatch(u -> u >= 0 && u <= 0xFFFF);
        } catch (CodecException expected) {
            assertThat(expected.offset()).isBetween(0, data.length);
        }
        if (data.length > 0) {
            try {
                HciEvents.parse(data[0] & 0xFF, Arrays.copyOfRange(data, 1, data.length));
            } catch (CodecException expected) {
                assertThat(expected.getMessage()).contains("offset");
            }
        }
    }

    /** Valid streams and PDUs to mutate: a connection with discovery and values, and single PDUs. */
    static List<byte[]> seeds() {
        return List.of(
                BleCaptureDecoderTest.capture(HciTransportTest.hex("1E8A00580078000000041114293B3C00012700")),
                HciTransportTest.concat(HciCommands.reset(), HciCommands.leSetScanEnable(true, true),
                        L2cap.fragment(0x40, 4, HciTransportTest.hex("12 0D 00 02 00"), 27, true).getFirst()),
                HciTransportTest.hex("11 06 01 00 05 00 00 18 06 00 09 00 0F 18"),
                HciTransportTest.hex("09 07 0B 00 20 0C 00 35 2A 0E 00 10 0F 00 36 2A"),
                HciTransportTest.hex("05 02 14 00 5F 4E 3D 2B 1C 7A 1A 9F 2E 4D 4B 6C 01 00 5A 3E"),
                HciTransportTest.hex("1D 0C 00 16 79 00 51 00 5E 00 E8 07 05 06 0A 1E 2D 48 00 00 00"),
                HciTransportTest.hex("02 01 06 05 03 10 18 0F 18 03 09 42 50"));
    }

    @Test
    void seededMutationsOfValidStreamsAndPdus() {
        List<byte[]> valid = seeds();
        Random random = new Random(4_0404);
        for (int i = 0; i < 6000; i++) {
            byte[] m = Mutations.mutate(valid.get(i % valid.size()), random);
            for (int k = random.nextInt(4); k > 0; k--) {
                m = Mutations.mutate(m, random);
            }
            fuzz(m);
        }
    }

    @Test
    void theSeedsThemselvesDecodeWithoutSkipping() {
        H4Decoder d = H4Decoder.fromController();
        d.feed(seeds().getFirst());
        d.finish();
        assertThat(d.bytesSkipped()).isZero();
        for (byte[] pdu : seeds().subList(2, 6)) {
            assertThat(Att.parse(pdu)).isNotInstanceOf(AttPdu.Other.class);
        }
    }

    @Test
    void randomNoiseNeverThrows() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            byte[] b = new byte[random.nextInt(600)];
            random.nextBytes(b);
            // Noise with packet indicators sprinkled in, so headers are tried often.
            for (int k = 0; k < b.length / 8; k++) {
                b[random.nextInt(b.length)] = (byte) (random.nextBoolean() ? 0x04 : 0x02);
            }
            fuzz(b);
        }
    }
}
