package org.vitalis.device.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The stream decoders: every chunk boundary, garbage, truncation and resynchronisation. */
class SerialDecodersTest {

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }

    /** Decodes {@code stream} split at {@code cuts}, returning the frames and the decoder for its counters. */
    static <F> List<F> decodeSplit(StreamDecoder<F> d, byte[] stream, int... cuts) {
        List<F> frames = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            frames.addAll(d.feed(stream, from, cut - from));
            from = cut;
        }
        frames.addAll(d.feed(stream, from, stream.length - from));
        frames.addAll(d.finish());
        return frames;
    }

    /** Every single split point and byte-by-byte feeding give the same frames and counters as one chunk. */
    static <F> void sameAtEveryBoundary(Supplier<? extends StreamDecoder<F>> factory, byte[] stream,
            java.util.function.Function<F, Object> key) {
        StreamDecoder<F> whole = factory.get();
        List<Object> expected = decodeSplit(whole, stream).stream().map(key).toList();
        for (int cut = 0; cut <= stream.length; cut++) {
            StreamDecoder<F> d = factory.get();
            assertThat(decodeSplit(d, stream, cut).stream().map(key).toList()).as("split at %d", cut)
                    .isEqualTo(expected);
            assertThat(d.bytesSkipped()).isEqualTo(whole.bytesSkipped());
            assertThat(d.resynchronisations()).isEqualTo(whole.resynchronisations());
        }
        StreamDecoder<F> bytewise = factory.get();
        int[] all = new int[stream.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        assertThat(decodeSplit(bytewise, stream, all).stream().map(key).toList()).isEqualTo(expected);
        assertThat(bytewise.bytesSkipped()).isEqualTo(whole.bytesSkipped());
    }

    // --- Contec CMS50 ---

    /** Builds a frame from its fields, following the bit layout documented in {@link ContecCms50Decoder}. */
    static byte[] cms50(int signal, boolean beep, int pleth, int bar, int pulse, int spo2) {
        return new byte[] {(byte) (0x80 | (beep ? 0x40 : 0) | signal), (byte) pleth,
            (byte) (bar | (pulse & 0x80) >> 1), (byte) (pulse & 0x7F), (byte) spo2};
    }

    @Test
    void cms50FramesDecodeEveryField() {
        ContecCms50Decoder d = new ContecCms50Decoder();
        List<ContecCms50Decoder.Frame> f = d.feed(concat(cms50(7, true, 64, 5, 72, 97), cms50(2, false, 10, 1, 190, 88),
                new byte[] {(byte) 0xB3, 0x12, 0x70, 0x7F, 0x7F}));
        assertThat(f).hasSize(3);
        assertThat(f.get(0)).isEqualTo(new ContecCms50Decoder.Frame(7, true, false, false, 64, 5, false, false, 72, 97,
                72, 97, "/min", "%"));
        // Pulse 190 needs the high bit carried in byte 3 bit 6.
        assertThat(f.get(1).pulseRate()).isEqualTo(190);
        // 0xB3: searching too long + SpO2 dropping, signal 3; byte 3 0x70: probe error, searching, pulse bit 7;
        // pulse 255 and SpO2 127 mean no value.
        ContecCms50Decoder.Frame nothing = f.get(2);
        assertThat(nothing.searchingTooLong()).isTrue();
        assertThat(nothing.spo2Dropping()).isTrue();
        assertThat(nothing.signalStrength()).isEqualTo(3);
        assertThat(nothing.probeError()).isTrue();
        assertThat(nothing.searching()).isTrue();
        assertThat(nothing.pulseRate()).isNull();
        assertThat(nothing.rawPulseRate()).isEqualTo(255);
        assertThat(nothing.spo2()).isNull();
        assertThat(d.bytesSkipped()).isZero();
    }

    @Test
    void cms50SkipsGarbageAndTruncatedFramesAndResynchronises() {
        byte[] a = cms50(5, false, 40, 3, 80, 98);
        byte[] b = cms50(6, false, 41, 4, 81, 97);
        byte[] stream = concat(new byte[] {0x11, 0x22, 0x33}, a, new byte[] {(byte) 0x85, 0x01}, b,
                new byte[] {0x05, 0x06}, a, new byte[] {(byte) 0x81, 0x02, 0x03});
        ContecCms50Decoder d = new ContecCms50Decoder();
        List<ContecCms50Decoder.Frame> frames = decodeSplit(d, stream);
        assertThat(frames).extracting(ContecCms50Decoder.Frame::pleth).containsExactly(40, 41, 40);
        // 3 leading garbage + 2 of a truncated frame + 2 stray data bytes + 3 of a frame cut by the end of stream.
        assertThat(d.bytesSkipped()).isEqualTo(10);
        assertThat(d.resynchronisations()).isEqualTo(4);
        assertThat(d.framesDecoded()).isEqualTo(3);
        sameAtEveryBoundary(ContecCms50Decoder::new, stream, x -> x);
    }

    // --- OpenBCI Cyton ---

    static byte[] cyton(int sample, int[] counts, int footer, int... aux) {
        byte[] f = new byte[33];
        f[0] = (byte) 0xA0;
        f[1] = (byte) sample;
        for (int c = 0; c < 8; c++) {
            f[2 + 3 * c] = (byte) (counts[c] >> 16);
            f[3 + 3 * c] = (byte) (counts[c] >> 8);
            f[4 + 3 * c] = (byte) counts[c];
        }
        for (int i = 0; i < aux.length; i++) {
            f[26 + i] = (byte) aux[i];
        }
        f[32] = (byte) footer;
        return f;
    }

    @Test
    void cytonScalesCountsToMicrovoltsWithTheAds1299Formula() {
        int[] counts = {0, 1, -1, 8_388_607, -8_388_608, 1000, -1000, 0xA0};
        var f = OpenBciCytonDecoder.decodeFrame(cyton(7, counts, 0xC0, 0x00, 0x10, 0xFF, 0xF0, 0x02, 0x00));
        assertThat(f.sampleNumber()).isEqualTo(7);
        assertThat(f.counts()).containsExactly(counts);
        double scale = 4.5 / 24 / (Math.pow(2, 23) - 1) * 1e6;
        assertThat(f.microvolts()[1]).isCloseTo(scale, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(f.microvolts()[3]).isCloseTo(187500.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(f.auxKind()).isEqualTo(OpenBciCytonDecoder.AuxKind.ACCELEROMETER);
        assertThat(f.accelerometerG()).containsExactly(16 * 0.002 / 16, -16 * 0.002 / 16, 512 * 0.002 / 16);
        assertThat(f.timeStamp()).isNull();
        var stamped = OpenBciCytonDecoder.decodeFrame(cyton(8, counts, 0xC4, 0, 0, 0x01, 0x02, 0x03, 0x04));
        assertThat(stamped.timeStamp()).isEqualTo(0x01020304L);
        var gain8 = new OpenBciCytonDecoder(8).feed(cyton(9, counts, 0xC1)).get(0);
        assertThat(gain8.microvolts()[1]).isCloseTo(4.5 / 8 / 8_388_607 * 1e6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(gain8.auxKind()).isEqualTo(OpenBciCytonDecoder.AuxKind.RAW_AUX);
    }

    @Test
    void cytonResynchronisesAfterAFalseHeaderInsideGarbage() {
        int[] counts = {1, 2, 3, 4, 5, 6, 7, 8};
        // A 0xA0 inside garbage starts a candidate whose footer is wrong: the decoder must find the real frame.
        byte[] garbage = {0x01, (byte) 0xA0, 0x02, 0x03};
        byte[] stream = concat(garbage, cyton(1, counts, 0xC0), cyton(2, counts, 0xC6),
                java.util.Arrays.copyOf(cyton(3, counts, 0xC0), 20), cyton(4, counts, 0xC0),
                java.util.Arrays.copyOf(cyton(5, counts, 0xC0), 10));
        OpenBciCytonDecoder d = new OpenBciCytonDecoder();
        var frames = decodeSplit(d, stream);
        assertThat(frames).extracting(OpenBciCytonDecoder.Frame::sampleNumber).containsExactly(1, 2, 4);
        assertThat(d.bytesSkipped()).isEqualTo(4 + 20 + 10);
        assertThat(d.resynchronisations()).isEqualTo(3);
        sameAtEveryBoundary(OpenBciCytonDecoder::new, stream, OpenBciCytonDecoder.Frame::sampleNumber);
    }

    // --- Masimo Radical-7 ---

    static final String RAD7 = "07/21/17 11:32:41 SN=0000105738 SPO2=098% BPM=070 PI=01.52% SPCO=--.-% "
            + "SPMET=--.-% DESAT=-- PIDELTA=+-- PVI=--- ALARM=0000 EXC=000800\r\n";

    @Test
    void radical7LinesDecodeEveryField() {
        var d = new MasimoRadical7Decoder();
        var f = d.feed(ascii(RAD7 + "07/21/17 11:32:43 SN=0000105738 SPO2=---% BPM=--- PI=--.--% SPCO=01.5% "
                + "SPMET=00.8% SPHB=14.2 ALARM=0011 EXC=000828\n"));
        assertThat(f).hasSize(2);
        var a = f.get(0);
        assertThat(a.isoDateTime()).isEqualTo("2017-07-21T11:32:41");
        assertThat(a.serialNumber()).isEqualTo("0000105738");
        assertThat(a.values().get("SPO2").value()).isEqualByComparingTo("98");
        assertThat(a.values().get("SPO2").unit()).isEqualTo("%");
        assertThat(a.values().get("BPM").value()).isEqualByComparingTo("70");
        assertThat(a.values().get("BPM").unit()).isEqualTo("/min");
        assertThat(a.values().get("PI").value()).isEqualTo(new BigDecimal("01.52"));
        assertThat(a.values().get("SPCO").value()).isNull();
        assertThat(a.values().get("PVI").value()).isNull();
        assertThat(a.alarm()).isZero();
        assertThat(a.exceptions()).isEqualTo(0x800);
        assertThat(a.exceptionNames()).containsExactly("Masimo SET");
        assertThat(a.fields()).containsEntry("DESAT", "--").containsEntry("PIDELTA", "+--");
        var b = f.get(1);
        assertThat(b.values().get("SPO2").value()).isNull();
        assertThat(b.values().get("SPCO").value()).isEqualByComparingTo("1.5");
        assertThat(b.values().get("SPHB").unit()).isEqualTo("g/dL");
        assertThat(b.alarm()).isEqualTo(0x11);
        assertThat(b.exceptionNames()).containsExactly("Pulse Search", "Sensor Off", "Masimo SET");
        assertThat(d.bytesSkipped()).isZero();
    }

    @Test
    void radical7SkipsCorruptLinesAndResynchronisesOnTheNextLine() {
        String bad1 = "07/21/17 1\u00002:00 SN=1\r\n";
        String bad2 = "no date here\n";
        String bad3 = "13/40/17 11:32:41 SPO2=097%\n";
        String bad4 = "07/21/17 11:32:41 SPO2=9x7%\n";
        String cut = "07/21/17 11:32:45 SN=0000105738 SPO2=0";
        byte[] stream = ascii(bad1 + RAD7 + bad2 + bad3 + "\n" + bad4 + RAD7 + cut);
        var d = new MasimoRadical7Decoder();
        var frames = decodeSplit(d, stream);
        // The last line has no terminator: it was cut mid-value ("SPO2=0"), so it is truncated, not a reading of 0 %.
        assertThat(frames).extracting(MasimoRadical7Decoder.Frame::time).containsExactly("11:32:41", "11:32:41");
        assertThat(d.bytesSkipped()).isEqualTo(bad1.length() + bad2.length() + bad3.length() + bad4.length()
                + cut.length());
        assertThat(d.resynchronisations()).isEqualTo(3);
        sameAtEveryBoundary(MasimoRadical7Decoder::new, stream, MasimoRadical7Decoder.Frame::isoDateTime);
    }

    @Test
    void radical7ErrorsPointAtTheBadField() {
        assertThatThrownBy(() -> MasimoRadical7Decoder.decodeLine("07/21/17 11:32:41 SPO2=098% BPM=7x"))
                .isInstanceOf(CodecException.class).hasMessageContaining("BPM value \"7x\"")
                .hasMessageContaining("offset 32");
        assertThatThrownBy(() -> MasimoRadical7Decoder.decodeLine("07/21/17 11:32:41 SPO2=098% EXC=00G800"))
                .isInstanceOf(CodecException.class).hasMessageContaining("not hexadecimal")
                .hasMessageContaining("offset 32");
        assertThatThrownBy(() -> MasimoRadical7Decoder.decodeLine("07-21-17 11:32:41 SPO2=098%"))
                .isInstanceOf(CodecException.class).hasMessageContaining("offset 0");
        assertThatThrownBy(() -> MasimoRadical7Decoder.decodeLine("07/21/17 11:32:41 SPO2"))
                .isInstanceOf(CodecException.class).hasMessageContaining("KEY=VALUE").hasMessageContaining("offset 18");
    }

    @Test
    void radical7DropsAnEndlessLineUpToItsLineFeed() {
        String longLine = "x".repeat(2000) + "\n";
        var d = new MasimoRadical7Decoder();
        var frames = decodeSplit(d, ascii(longLine + RAD7));
        assertThat(frames).hasSize(1);
        assertThat(d.bytesSkipped()).isEqualTo(longLine.length());
    }

    // --- ASCII ECG ---

    @Test
    void asciiEcgScalesSamplesByGainAndBaselineAndTimesThemByRate() {
        var d = new AsciiEcgDecoder(250, new BigDecimal("200"), 512);
        var s = decodeSplit(d, ascii("512\r\n712\n-88\n"));
        assertThat(s).extracting(AsciiEcgDecoder.Sample::count).containsExactly(512, 712, -88);
        assertThat(s.get(1).millivolts()).isEqualByComparingTo("1");
        assertThat(s.get(2).millivolts()).isEqualByComparingTo("-3");
        assertThat(s.get(2).seconds()).isEqualTo(0.008);
        assertThat(s.get(2).index()).isEqualTo(2);
        assertThat(s.get(0).unit()).isEqualTo("mV");
    }

    @Test
    void asciiEcgSkipsNoiseLinesAndKeepsSampleIndicesContiguous() {
        byte[] stream = ascii("100\nabc\n101\n99999999999999999999999\n\n1.5\n102\n10");
        var d = new AsciiEcgDecoder(100, BigDecimal.ONE, 0);
        var s = decodeSplit(d, stream);
        assertThat(s).extracting(AsciiEcgDecoder.Sample::count).containsExactly(100, 101, 102);
        assertThat(s).extracting(AsciiEcgDecoder.Sample::index).containsExactly(0L, 1L, 2L);
        // "9999..." and "1.5" are one bad run (the empty line between them is not a sample); the unterminated "10"
        // at the end is a truncated sample.
        assertThat(d.bytesSkipped()).isEqualTo(4 + 24 + 4 + 2);
        assertThat(d.resynchronisations()).isEqualTo(3);
        sameAtEveryBoundary(() -> new AsciiEcgDecoder(100, BigDecimal.ONE, 0), stream, AsciiEcgDecoder.Sample::count);
    }
}
