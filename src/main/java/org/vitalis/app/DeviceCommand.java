package org.vitalis.app;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vitalis.device.codec.AsciiEcgDecoder;
import org.vitalis.device.codec.BleCaptureDecoder;
import org.vitalis.device.codec.Characteristics;
import org.vitalis.device.codec.ContecCms50Decoder;
import org.vitalis.device.codec.GattValue;
import org.vitalis.device.codec.MasimoRadical7Decoder;
import org.vitalis.device.codec.MderFloat;
import org.vitalis.device.codec.OpenBciCytonDecoder;
import org.vitalis.device.codec.StreamDecoder;
import org.vitalis.device.transport.SerialPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "device", description = "Engineering tools for medical devices.", subcommands = {DeviceCommand.Decode.class, DeviceCommand.ListPorts.class},
        mixinStandardHelpOptions = true)
final class DeviceCommand {

    /** Protocol names of --protocol, in help order. */
    static final List<String> PROTOCOLS = List.of("contec-cms50", "masimo-radical7", "ascii-ecg", "openbci-cyton",
            "ble-health");

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = {"Decode a device payload and print it as JSON.",
                "  --characteristic UUID HEX   a GATT characteristic value (bytes as on air)",
                "  --sfloat HEX | --float HEX  an IEEE 11073 SFLOAT/FLOAT: bytes as on air (little-endian),"
                        + " or 0x-prefixed for the number itself (e.g. 0x07FF)",
                "  --protocol NAME --file CAPTURE   a serial capture: " + "contec-cms50, masimo-radical7, ascii-ecg"
                        + " (needs --rate and --gain), openbci-cyton,",
                "      ble-health: what a Bluetooth HCI UART dongle sent its host (events, notified and indicated"
                        + " values named by the discovery in the same capture)"})
    static final class Decode implements Callable<Integer> {
        @Option(names = "--characteristic", paramLabel = "UUID", description = "16-bit characteristic UUID, e.g. 0x2A35.")
        String characteristic;

        @Option(names = "--sfloat", paramLabel = "HEX", description = "A 16-bit IEEE 11073 SFLOAT.")
        String sfloat;

        @Option(names = "--float", paramLabel = "HEX", description = "A 32-bit IEEE 11073 FLOAT.")
        String float32;

        @Option(names = "--protocol", paramLabel = "NAME", description = "Serial protocol of --file: ${COMPLETION-CANDIDATES}.",
                completionCandidates = ProtocolNames.class)
        String protocol;

        @Option(names = "--file", paramLabel = "CAPTURE", description = "Raw bytes captured from the serial port.")
        Path file;

        @Option(names = "--rate", paramLabel = "HZ", description = "ascii-ecg: samples per second.")
        Double rate;

        @Option(names = "--gain", paramLabel = "GAIN",
                description = "ascii-ecg: ADC counts per mV; openbci-cyton: ADS1299 gain (default 24).")
        BigDecimal gain;

        @Option(names = "--baseline", paramLabel = "COUNT", description = "ascii-ecg: the count meaning 0 mV (default 0).")
        int baseline;

        @Parameters(arity = "0..1", paramLabel = "HEX", description = "The characteristic value, with --characteristic.")
        String hex;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            int modes = (characteristic != null ? 1 : 0) + (sfloat != null ? 1 : 0) + (float32 != null ? 1 : 0)
                    + (protocol != null ? 1 : 0);
            if (modes != 1) {
                throw new IllegalArgumentException(
                        "give exactly one of --characteristic UUID HEX, --sfloat HEX, --float HEX, --protocol NAME --file CAPTURE");
            }
            if (hex != null && characteristic == null) {
                throw new IllegalArgumentException("unexpected argument " + hex + " (a HEX value goes with --characteristic)");
            }
            Object result;
            if (characteristic != null) {
                result = characteristic();
            } else if (sfloat != null) {
                result = medFloat(sfloat, 2);
            } else if (float32 != null) {
                result = medFloat(float32, 4);
            } else {
                result = capture();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(json().writeValueAsString(result));
            out.flush();
            return 0;
        }

        private Map<String, Object> characteristic() {
            if (hex == null) {
                throw new IllegalArgumentException("--characteristic needs the value as HEX after it");
            }
            int uuid = parseUuid(characteristic);
            byte[] value = parseHex(hex);
            GattValue decoded = Characteristics.decode(uuid, value);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("characteristic", String.format("0x%04X", uuid));
            m.put("name", name(decoded));
            m.put("hex", HexFormat.of().withUpperCase().formatHex(value));
            m.put("value", decoded);
            return m;
        }

        private static String name(GattValue v) {
            return switch (v) {
                case GattValue.BloodPressureMeasurement x -> "Blood Pressure Measurement";
                case GattValue.IntermediateCuffPressure x -> "Intermediate Cuff Pressure";
                case GattValue.BloodPressureFeature x -> "Blood Pressure Feature";
                case GattValue.HeartRateMeasurement x -> "Heart Rate Measurement";
                case GattValue.TemperatureMeasurement x -> "Temperature Measurement";
                case GattValue.PlxSpotCheck x -> "PLX Spot-Check Measurement";
                case GattValue.PlxContinuous x -> "PLX Continuous Measurement";
                case GattValue.PlxFeatures x -> "PLX Features";
                case GattValue.WeightMeasurement x -> "Weight Measurement";
                case GattValue.BatteryLevel x -> "Battery Level";
                case GattValue.RacpResponse x -> "Record Access Control Point";
            };
        }

        private static Map<String, Object> medFloat(String text, int size) {
            String t = text.strip();
            MderFloat f;
            byte[] onAir;
            if (t.startsWith("0x") || t.startsWith("0X")) {
                String digits = t.substring(2);
                if (digits.isEmpty() || digits.length() > size * 2) {
                    throw new IllegalArgumentException("\"" + text + "\" does not fit in " + size * 8 + " bits");
                }
                long n = parseHexNumber(digits, text);
                onAir = new byte[size];
                for (int i = 0; i < size; i++) {
                    onAir[i] = (byte) (n >> (8 * i));
                }
            } else {
                onAir = parseHex(t);
                if (onAir.length != size) {
                    throw new IllegalArgumentException((size == 2 ? "an SFLOAT" : "a FLOAT") + " is " + size
                            + " bytes, got " + onAir.length + " in \"" + text + "\"");
                }
            }
            f = size == 2 ? MderFloat.sfloat(onAir) : MderFloat.float32(onAir);
            long raw = 0;
            for (int i = size - 1; i >= 0; i--) {
                raw = raw << 8 | (onAir[i] & 0xFF);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", size == 2 ? "SFLOAT" : "FLOAT");
            m.put("hex", HexFormat.of().withUpperCase().formatHex(onAir));
            m.put("raw", String.format(size == 2 ? "0x%04X" : "0x%08X", raw));
            m.put("kind", f.kind());
            m.put("mantissa", f.mantissa());
            m.put("exponent", f.exponent());
            m.put("value", f.value());
            return m;
        }

        private Map<String, Object> capture() throws IOException {
            if (file == null) {
                throw new IllegalArgumentException("--protocol needs --file CAPTURE");
            }
            StreamDecoder<?> decoder = decoder();
            List<Object> frames = new ArrayList<>();
            long bytes = 0;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) > 0; ) {
                    bytes += n;
                    frames.addAll(decoder.feed(buf, 0, n));
                }
            }
            frames.addAll(decoder.finish());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("bytesRead", bytes);
            summary.put("framesDecoded", decoder.framesDecoded());
            summary.put("bytesSkipped", decoder.bytesSkipped());
            summary.put("resynchronisations", decoder.resynchronisations());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("protocol", protocol);
            m.put("file", file.toString());
            m.put("frames", frames);
            m.put("summary", summary);
            return m;
        }

        private StreamDecoder<?> decoder() {
            String p = protocol.toLowerCase(Locale.ROOT);
            if (!p.equals("ascii-ecg") && rate != null) {
                throw new IllegalArgumentException("--rate only applies to --protocol ascii-ecg");
            }
            return switch (p) {
                case "contec-cms50" -> noGain(new ContecCms50Decoder());
                case "masimo-radical7" -> noGain(new MasimoRadical7Decoder());
                case "ascii-ecg" -> {
                    if (rate == null || gain == null) {
                        throw new IllegalArgumentException("--protocol ascii-ecg needs --rate HZ and --gain COUNTS_PER_MV");
                    }
                    yield new AsciiEcgDecoder(rate, gain, baseline);
                }
                case "ble-health" -> noGain(new BleCaptureDecoder());
                case "openbci-cyton" -> {
                    if (gain != null && (gain.stripTrailingZeros().scale() > 0)) {
                        throw new IllegalArgumentException("the ADS1299 gain is a whole number: 1, 2, 4, 6, 8, 12 or 24");
                    }
                    yield gain == null ? new OpenBciCytonDecoder() : new OpenBciCytonDecoder(gain.intValueExact());
                }
                default -> throw new IllegalArgumentException("unknown protocol \"" + protocol + "\"; known: "
                        + String.join(", ", PROTOCOLS));
            };
        }

        private StreamDecoder<?> noGain(StreamDecoder<?> d) {
            if (gain != null) {
                throw new IllegalArgumentException("--gain does not apply to --protocol " + protocol);
            }
            return d;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the serial ports of this computer, with what USB says about each adapter.")
    static final class ListPorts implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<SerialPorts.PortInfo> ports = SerialPorts.list();
            String format = "%-22s %-34s %-10s %s%n";
            out.printf(format, "PATH", "DESCRIPTION", "USB ID", "MANUFACTURER");
            for (SerialPorts.PortInfo p : ports) {
                String usb = p.vendorId() < 0 || p.productId() < 0 ? "-"
                        : String.format("%04x:%04x", p.vendorId(), p.productId());
                out.printf(format, p.path(), p.description() == null ? "-" : p.description(), usb,
                        p.manufacturer() == null ? "-" : p.manufacturer());
            }
            if (ports.isEmpty()) {
                out.println("(no serial ports found)");
            }
            out.println("Virtual ports (/dev/pts/N, e.g. from 'vitalis simulate' or socat) are not listed; open them by path.");
            out.flush();
            return 0;
        }
    }

    static final class ProtocolNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ProtocolNames() {
            super(PROTOCOLS);
        }
    }

    static int parseUuid(String s) {
        String t = s.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 4) {
            throw new IllegalArgumentException("\"" + s + "\" is not a 16-bit UUID like 0x2A35");
        }
        return (int) parseHexNumber(t, s);
    }

    private static long parseHexNumber(String digits, String original) {
        try {
            return Long.parseLong(digits, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + original + "\" is not hexadecimal");
        }
    }

    /** Accepts hex with optional spaces, colons or dashes between bytes, as tools like nRF Connect print them. */
    static byte[] parseHex(String s) {
        String t = s.replaceAll("[\\s:\\-]", "");
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (t.length() % 2 != 0) {
            throw new IllegalArgumentException("\"" + s + "\" has an odd number of hex digits");
        }
        try {
            return HexFormat.of().parseHex(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + s + "\" is not hexadecimal");
        }
    }

    static ObjectMapper json() {
        // Records and maps are written from their fields so helper methods never leak in as properties; BigDecimal
        // stays a plain JSON number (138, not 1.38E+2) so clinical values keep their exact digits.
        return JsonMapper.builder()
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }
}
