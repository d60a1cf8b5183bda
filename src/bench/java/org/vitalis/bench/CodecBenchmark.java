package org.vitalis.bench;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.vitalis.device.codec.AsciiEcgDecoder;
import org.vitalis.device.codec.Att;
import org.vitalis.device.codec.AttPdu;
import org.vitalis.device.codec.BdAddress;
import org.vitalis.device.codec.BleCaptureDecoder;
import org.vitalis.device.codec.H4Decoder;
import org.vitalis.device.codec.HciEvents;
import org.vitalis.device.codec.L2cap;
import org.vitalis.device.codec.Characteristics;
import org.vitalis.device.codec.ContecCms50Decoder;
import org.vitalis.device.codec.MasimoRadical7Decoder;
import org.vitalis.device.codec.MderFloat;
import org.vitalis.device.codec.OpenBciCytonDecoder;
import org.vitalis.device.codec.StreamDecoder;

/**
 * Frames decoded per second by each device codec on one core, after a warm-up, so a driver's budget per frame is
 * known: the fastest real device here (an OpenBCI Cyton at 250 packets/s, a CMS50 at 60 frames/s) should use a
 * negligible share of it. Serial codecs are fed 4 KiB chunks, as a serial port read returns them.
 */
public final class CodecBenchmark {
    private static final long WARM_UP_NANOS = 300_000_000L;
    private static final long MEASURE_NANOS = 700_000_000L;
    private static final int CHUNK = 4096;
    private static long sink;

    private CodecBenchmark() {
    }

    public static void main(String[] args) {
        Benchmarks.print(run());
    }

    public static List<Benchmarks.Row> run() {
        List<Benchmarks.Row> rows = new ArrayList<>();
        rows.add(gatt("GATT 0x2A35 blood pressure", 0x2A35, "1E8A00580078000000041114293B3C00012700"));
        rows.add(gatt("GATT 0x2A37 heart rate + 2 RR", 0x2A37, "1E482C0100040002"));
        rows.add(gatt("GATT 0x2A1C temperature", 0x2A1C, "07DA0300FFE7070C1F173B3B06"));
        rows.add(gatt("GATT 0x2A5F PLX continuous", 0x2A5F, "1F61004800620049006000470020000080001EF0"));
        rows.add(gatt("GATT 0x2A9D weight", 0x2A9D, "0EB036E807050607080902E500D606"));
        rows.add(sfloat());

        ByteArrayOutputStream contec = new ByteArrayOutputStream();
        for (int i = 0; i < 2000; i++) {
            contec.writeBytes(new byte[] {(byte) (0x80 | i % 9), (byte) (i % 128), 0x05, (byte) (60 + i % 40), 97});
        }
        rows.add(stream("Contec CMS50 live frames", ContecCms50Decoder::new, contec.toByteArray(), "5-byte frames"));

        ByteArrayOutputStream cyton = new ByteArrayOutputStream();
        for (int i = 0; i < 500; i++) {
            byte[] f = new byte[OpenBciCytonDecoder.FRAME];
            f[0] = (byte) 0xA0;
            f[1] = (byte) i;
            for (int k = 2; k < 26; k++) {
                f[k] = (byte) (i * k);
            }
            f[32] = (byte) 0xC0;
            cyton.writeBytes(f);
        }
        rows.add(stream("OpenBCI Cyton packets", OpenBciCytonDecoder::new, cyton.toByteArray(), "33-byte packets"));

        StringBuilder rad = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            rad.append(String.format("07/21/17 11:%02d:%02d SN=0000105738 SPO2=0%02d%% BPM=0%02d PI=01.52%% "
                    + "SPCO=--.-%% SPMET=--.-%% DESAT=-- PIDELTA=+-- PVI=--- ALARM=0000 EXC=000800\r\n", i / 60 % 60,
                    i % 60, 90 + i % 10, 60 + i % 30));
        }
        rows.add(stream("Masimo Radical-7 lines", MasimoRadical7Decoder::new, ascii(rad.toString()), "ASCII lines"));

        StringBuilder ecg = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            ecg.append(512 + (int) (200 * Math.sin(i / 10.0))).append("\r\n");
        }
        rows.add(stream("ASCII ECG samples", () -> new AsciiEcgDecoder(250, new BigDecimal("200"), 512),
                ascii(ecg.toString()), "one-integer lines"));

        byte[] dongle = dongleCapture();
        rows.add(stream("BLE dongle: H4 packets", H4Decoder::fromController, dongle,
                "HCI UART packets (events, ACL fragments of at most 19 bytes)"));
        rows.add(stream("BLE dongle: H4+L2CAP+ATT+GATT", BleCaptureDecoder::new, dongle,
                "events and decoded indications of 0x2A35 (2 ACL fragments each)"));
        byte[] indication = HexFormat.of().parseHex("1D0C00" + "1E8A00580078000000041114293B3C00012700");
        double att = measure(() -> {
            sink += Att.parse(indication).hashCode();
            return 1;
        });
        rows.add(new Benchmarks.Row("ATT Handle Value Indication", att / 1000, "k/s",
                "Att.parse of one 22-byte PDU, thousand PDUs per second, one core"));
        return rows;
    }

    /**
     * What a dongle sends while a cuff indicates blood pressure, after the discovery that names the handle: each
     * indication is a 22-byte ATT PDU in a 26-byte L2CAP frame, split at 19 bytes so reassembly is exercised, then a
     * Number Of Completed Packets event for the host's confirmation.
     */
    private static byte[] dongleCapture() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(HciEvents.leConnectionComplete(0, 0x40, 0, BdAddress.parse("C0:11:22:33:44:55", 1), 0x28, 0,
                0x1F4, 0));
        L2cap.fragment(0x40, L2cap.ATT_CID, HexFormat.of().parseHex("09070B00200C00352A0E00100F00362A"), 27, false)
                .forEach(b::writeBytes);
        byte[] value = HexFormat.of().parseHex("1E8A00580078000000041114293B3C00012700");
        for (int i = 0; i < 1000; i++) {
            L2cap.fragment(0x40, L2cap.ATT_CID, Att.encode(new AttPdu.Indication(0x0C, value)), 19, false)
                    .forEach(b::writeBytes);
            b.writeBytes(HciEvents.numberOfCompletedPackets(0x40, 1));
        }
        return b.toByteArray();
    }

    private static byte[] ascii(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }

    private static Benchmarks.Row gatt(String figure, int uuid, String hex) {
        byte[] value = HexFormat.of().parseHex(hex);
        double perSecond = measure(() -> {
            // hashCode walks every field, so the JIT cannot drop the decoding as dead code.
            sink += Characteristics.decode(uuid, value).hashCode();
            return 1;
        });
        return new Benchmarks.Row(figure, perSecond / 1000, "k/s",
                "Characteristics.decode of one " + value.length + "-byte value, thousand frames per second, one core");
    }

    private static Benchmarks.Row sfloat() {
        int[] i = {0};
        double perSecond = measure(() -> {
            MderFloat f = MderFloat.sfloat(i[0]++ & 0xFFFF);
            sink += f.hashCode();
            return 1;
        });
        return new Benchmarks.Row("IEEE 11073 SFLOAT", perSecond / 1000, "k/s",
                "MderFloat.sfloat over all bit patterns, thousand values per second, one core");
    }

    private static <F> Benchmarks.Row stream(String figure, Supplier<StreamDecoder<F>> factory, byte[] capture,
            String what) {
        double perSecond = measure(() -> {
            StreamDecoder<F> d = factory.get();
            int frames = 0;
            for (int off = 0; off < capture.length; off += CHUNK) {
                List<F> out = d.feed(capture, off, Math.min(CHUNK, capture.length - off));
                frames += out.size();
                sink += out.hashCode();
            }
            frames += d.finish().size();
            if (d.bytesSkipped() != 0) {
                throw new IllegalStateException(figure + ": the benchmark capture should be clean");
            }
            return frames;
        });
        return new Benchmarks.Row(figure, perSecond / 1000, "k/s",
                what + " in 4 KiB chunks, thousand frames per second, one core");
    }

    /** Runs {@code batch} (returning frames decoded) for the warm-up, then measures frames per second. */
    private static double measure(Supplier<Integer> batch) {
        long end = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < end) {
            batch.get();
        }
        long frames = 0;
        long start = System.nanoTime();
        long now;
        do {
            for (int k = 0; k < 16; k++) {
                frames += batch.get();
            }
            now = System.nanoTime();
        } while (now - start < MEASURE_NANOS);
        return frames / ((now - start) / 1e9);
    }
}
