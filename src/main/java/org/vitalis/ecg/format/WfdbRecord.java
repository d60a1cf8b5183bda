package org.vitalis.ecg.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WFDB record read from disk: its header and all samples in ADC units, {@code adc[signal][sample]}.
 * Reading checks each signal's initial value and checksum from the header against the decoded samples, so a
 * truncated or corrupted .dat is reported rather than silently analysed.
 */
public record WfdbRecord(WfdbHeader header, int[][] adc) {

    /** Reads {@code name.hea} and its signal files from {@code directory}. */
    public static WfdbRecord read(Path directory, String name) throws IOException {
        return read(directory.resolve(name + ".hea"));
    }

    /** Reads a header and the signal files it names (resolved next to the header). */
    public static WfdbRecord read(Path headerFile) throws IOException {
        String source = headerFile.toString();
        WfdbHeader header = WfdbHeader.parse(Files.readString(headerFile, StandardCharsets.ISO_8859_1), source);
        Path dir = headerFile.toAbsolutePath().getParent();
        // Consecutive signals naming the same file are interleaved in it (WFDB signal(5)).
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < header.signals().size(); i++) {
            groups.computeIfAbsent(header.signals().get(i).fileName(), k -> new ArrayList<>()).add(i);
        }
        int[][] adc = new int[header.signals().size()][];
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            List<Integer> members = g.getValue();
            WfdbSignal first = header.signals().get(members.getFirst());
            for (int m : members) {
                WfdbSignal s = header.signals().get(m);
                if (s.format() != first.format() || s.byteOffset() != first.byteOffset()) {
                    throw new WfdbFormatException(source, "signals in " + g.getKey() + " disagree on format or offset");
                }
            }
            if (first.byteOffset() > Integer.MAX_VALUE) {
                throw new WfdbFormatException(source, "byte offset too large: " + first.byteOffset());
            }
            Path file = dir.resolve(g.getKey());
            byte[] bytes = Files.readAllBytes(file);
            long frames = header.samples() > 0 ? header.samples() : -1;
            int[][] decoded = WfdbSampleDecoder.decode(bytes, (int) first.byteOffset(), first.format(), members.size(),
                    frames, file.toString());
            for (int k = 0; k < members.size(); k++) {
                adc[members.get(k)] = decoded[k];
            }
        }
        WfdbRecord record = new WfdbRecord(header, adc);
        record.verify(source);
        return record;
    }

    private void verify(String source) {
        for (int i = 0; i < adc.length; i++) {
            WfdbSignal s = header.signals().get(i);
            int[] x = adc[i];
            if (s.initialValue() != null && x.length > 0 && x[0] != s.initialValue()) {
                throw new WfdbFormatException(source, "signal " + i + " (" + s.description() + ") starts with " + x[0]
                        + " but the header says " + s.initialValue());
            }
            // A checksum only covers the whole record, so it is only meaningful when the length is known.
            if (s.checksum() != null && header.samples() > 0) {
                int sum = WfdbSampleDecoder.checksum(x);
                if (sum != (short) (int) s.checksum()) {
                    throw new WfdbFormatException(source, "signal " + i + " (" + s.description() + ") checksum is " + sum
                            + " but the header says " + s.checksum());
                }
            }
        }
    }

    public double samplingFrequency() {
        return header.samplingFrequency();
    }

    /** Samples of one signal in its physical units (usually mV). */
    public double[] physical(int signal) {
        WfdbSignal s = header.signals().get(signal);
        int[] x = adc[signal];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = s.toPhysical(x[i]);
        }
        return y;
    }
}
