package org.vitalis.device.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vitalis.device.codec.HciTransportTest.concat;
import static org.vitalis.device.codec.HciTransportTest.hex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The controller-to-host side of a capture: events named, indicated values mapped by the discovery seen. */
class BleCaptureDecoderTest {
    private static final Path NORDIC = Path.of("..", "shared", "data", "ble", "nordic-vectors.json");
    private static final BdAddress CUFF = BdAddress.parse("C0:11:22:33:44:55", BdAddress.RANDOM);

    /** A cuff's connection as a dongle reports it, with {@code value} indicated on handle 0x000C. */
    static byte[] capture(byte[] value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(HciEvents.commandComplete(1, HciCommands.RESET, (byte) 0));
        b.writeBytes(HciEvents.leAdvertisingReport(List.of(new HciEvent.AdvertisingReport(0, CUFF,
                AdvertisingData.encode(6, List.of(0x1810), "Cuff"), -60))));
        b.writeBytes(HciEvents.commandStatus(0, 1, HciCommands.LE_CREATE_CONNECTION));
        b.writeBytes(HciEvents.leConnectionComplete(0, 0x40, 0, CUFF, 0x28, 0, 0x1F4, 0));
        for (String att : List.of("0341 00", "11 06 0A00 1200 1018",
                // Characteristic declarations 0x000B -> 0x000C (0x2A35, indicate), 0x000E -> 0x000F (0x2A36, notify).
                "09 07 0B00 20 0C00 352A 0E00 10 0F00 362A")) {
            L2cap.fragment(0x40, L2cap.ATT_CID, hex(att), 27, false).forEach(b::writeBytes);
        }
        b.writeBytes(HciEvents.numberOfCompletedPackets(0x40, 1));
        L2cap.fragment(0x40, L2cap.ATT_CID, Att.encode(new AttPdu.Notification(0x0F, hex("00 A000 FF07 FF07"))), 27,
                false).forEach(b::writeBytes);
        L2cap.fragment(0x40, L2cap.ATT_CID, Att.encode(new AttPdu.Indication(0x0C, value)), 27, false)
                .forEach(b::writeBytes);
        b.writeBytes(HciEvents.disconnectionComplete(0, 0x40, 0x13));
        return b.toByteArray();
    }

    private static List<BleCaptureDecoder.Frame> decode(BleCaptureDecoder d, byte[] bytes, int chunk) {
        List<BleCaptureDecoder.Frame> out = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += chunk) {
            out.addAll(d.feed(bytes, at, Math.min(chunk, bytes.length - at)));
        }
        out.addAll(d.finish());
        return out;
    }

    @Test
    void indicationsAreNamedAndDecodedThroughTheDiscoveryInTheCapture() {
        // 0x2A35 with flags 0x1E (time stamp, pulse, user, status), 138/88/120 mmHg, from the spec's field layout.
        byte[] bp = hex("1E8A00580078000000041114293B3C00012700");
        BleCaptureDecoder d = new BleCaptureDecoder();
        List<BleCaptureDecoder.Frame> frames = decode(d, capture(bp), 7);
        assertThat(frames).filteredOn(BleCaptureDecoder.EventFrame.class::isInstance).extracting(
                f -> ((BleCaptureDecoder.EventFrame) f).event()).containsExactly("Command Complete",
                "LE Advertising Report", "Command Status", "LE Connection Complete", "Number Of Completed Packets",
                "Disconnection Complete");
        List<BleCaptureDecoder.ValueFrame> values = frames.stream()
                .filter(BleCaptureDecoder.ValueFrame.class::isInstance).map(BleCaptureDecoder.ValueFrame.class::cast)
                .toList();
        assertThat(values).hasSize(2);
        BleCaptureDecoder.ValueFrame icp = values.get(0);
        assertThat(icp.kind()).isEqualTo("notification");
        assertThat(icp.characteristic()).isEqualTo("0x2A36");
        assertThat(((GattValue.IntermediateCuffPressure) icp.value()).cuffPressure().value()).isEqualByComparingTo("160");
        BleCaptureDecoder.ValueFrame v = values.get(1);
        assertThat(v.kind()).isEqualTo("indication");
        assertThat(v.handle()).isEqualTo("0x000C");
        assertThat(v.name()).isEqualTo("Blood Pressure Measurement");
        assertThat(v.hex()).isEqualTo("1E8A00580078000000041114293B3C00012700");
        GattValue.BloodPressureMeasurement m = (GattValue.BloodPressureMeasurement) v.value();
        assertThat(m.systolic().value()).isEqualByComparingTo(new BigDecimal("138"));
        assertThat(frames).filteredOn(BleCaptureDecoder.EventFrame.class::isInstance)
                .map(f -> ((BleCaptureDecoder.EventFrame) f).detail())
                .anyMatch(s -> s.contains("C0:11:22:33:44:55") && s.contains("name \"Cuff\"")
                        && s.contains("0x1810"));
        assertThat(d.bytesSkipped()).isZero();
        assertThat(d.framesDecoded()).as("H4 packets").isEqualTo(11);
    }

    @Test
    void aValueWithoutItsDiscoveryIsShownAsBytesAndABadValueSaysWhy() {
        byte[] noDiscovery = concat(HciEvents.leConnectionComplete(0, 0x40, 0, CUFF, 0x28, 0, 0x1F4, 0),
                L2cap.fragment(0x40, 4, Att.encode(new AttPdu.Indication(0x0C, hex("00"))), 27, false).getFirst());
        List<BleCaptureDecoder.Frame> frames = decode(new BleCaptureDecoder(), noDiscovery, 64);
        BleCaptureDecoder.ValueFrame v = (BleCaptureDecoder.ValueFrame) frames.getLast();
        assertThat(v.characteristic()).isNull();
        assertThat(v.error()).contains("no characteristic declaration");
        List<BleCaptureDecoder.Frame> bad = decode(new BleCaptureDecoder(), capture(hex("1E8A00")), 64);
        BleCaptureDecoder.ValueFrame b = (BleCaptureDecoder.ValueFrame) bad.get(bad.size() - 2);
        assertThat(b.value()).isNull();
        assertThat(b.error()).contains("Diastolic");
    }

    @Test
    void nordicBloodPressureVectorsSurviveTheWholeStack() throws Exception {
        assumeTrue(Files.isRegularFile(NORDIC), "shared data set " + NORDIC.toAbsolutePath().normalize()
                + " is absent; skipping the Nordic vectors carried over HCI (the hand-made one above still runs)");
        int checked = 0;
        for (JsonNode v : new ObjectMapper().readTree(NORDIC.toFile()).get("vectors")) {
            if (!v.get("characteristic").asText().startsWith("0x2A35") || !v.get("spec_conformant").asBoolean(false)) {
                continue;
            }
            byte[] value = HexFormat.of().parseHex(v.get("hex").asText());
            List<BleCaptureDecoder.Frame> frames = decode(new BleCaptureDecoder(), capture(value), 13);
            BleCaptureDecoder.ValueFrame f = (BleCaptureDecoder.ValueFrame) frames.get(frames.size() - 2);
            if (!v.get("expected").path("valid").asBoolean(true)) {
                // A malformed value is shown with the reason, and the capture goes on.
                assertThat(f.value()).isNull();
                assertThat(f.error()).isNotBlank();
                assertThat(frames.getLast()).isInstanceOf(BleCaptureDecoder.EventFrame.class);
                checked++;
                continue;
            }
            assertThat(f.value()).isEqualTo(Characteristics.decode(0x2A35, value));
            BigDecimal sys = ((GattValue.BloodPressureMeasurement) f.value()).systolic().value();
            JsonNode expected = v.get("expected").get("systolic");
            boolean mmHg = "mmHg".equals(v.get("expected").path("unit").asText());
            if (mmHg && sys != null && expected != null && expected.isNumber()) {
                assertThat(sys.doubleValue()).isCloseTo(expected.asDouble(), org.assertj.core.data.Offset.offset(0.6));
            }
            checked++;
        }
        assertThat(checked).isPositive();
    }
}
