package org.vitalis.ecg.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Feeds arbitrary bytes to every WFDB parser. The only failure a parser may report is {@link WfdbFormatException};
 * anything else (an index out of bounds, an arithmetic or memory error) fails the test. Under plain {@code mvn test}
 * Jazzer runs the seed inputs in {@code WfdbFuzzTestInputs/fuzz}; with JAZZER_FUZZ=1 it fuzzes.
 */
class WfdbFuzzTest {

    @FuzzTest
    void fuzz(byte[] data) {
        try {
            WfdbHeader h = WfdbHeader.parse(new String(data, StandardCharsets.ISO_8859_1), "fuzz.hea");
            for (WfdbSignal s : h.signals()) {
                s.toPhysical(0);
            }
        } catch (WfdbFormatException expected) {
            // documented failure
        }
        if (data.length > 0) {
            int format = (data[0] & 1) == 0 ? 212 : 16;
            int signals = 1 + (data[0] >>> 1 & 0x0F);
            int offset = data.length > 1 ? (data[1] & 0x07) : 0;
            try {
                int[][] s = WfdbSampleDecoder.decode(data, offset, format, signals, -1, "fuzz.dat");
                for (int[] x : s) {
                    WfdbSampleDecoder.checksum(x);
                }
                // asking for one frame more than there is must be refused, not read past the end
                WfdbSampleDecoder.decode(data, offset, format, signals, s[0].length + 1L, "fuzz.dat");
                throw new AssertionError("decoder accepted more frames than the data holds");
            } catch (WfdbFormatException expected) {
                // documented failure
            }
        }
        try {
            List<Annotation> anns = MitAnnotations.read(data, "fuzz.atr");
            for (Annotation a : anns) {
                a.mnemonic();
            }
        } catch (WfdbFormatException expected) {
            // documented failure
        }
    }
}
