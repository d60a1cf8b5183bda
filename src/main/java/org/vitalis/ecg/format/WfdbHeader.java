package org.vitalis.ecg.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed single-segment WFDB header (.hea). The grammar follows WFDB header(5):
 * record line {@code name nsig [fs[/cfreq[(cbase)]] [nsamp [time [date]]]]}, then one line per signal
 * {@code file format[xspf][:skew][+offset] [gain[(baseline)][/units] [adcres [adczero [init [cksum [bsize [desc]]]]]]]}.
 *
 * @param samples samples per signal; 0 means "unknown, read to the end of the file"
 */
public record WfdbHeader(String recordName, double samplingFrequency, long samples, List<WfdbSignal> signals,
        List<String> comments) {

    /** WFDB's default sampling frequency when the record line gives none (wfdb.h DEFFREQ). */
    static final double DEFAULT_FREQUENCY = 250.0;
    /** WFDB's default ADC gain when the header gives 0 or none (wfdb.h WFDB_DEFGAIN). */
    static final double DEFAULT_GAIN = 200.0;

    public WfdbHeader {
        signals = List.copyOf(signals);
        comments = List.copyOf(comments);
    }

    /**
     * Parses header text.
     *
     * @param source names the file in error messages
     * @throws WfdbFormatException when the text is not a single-segment header this reader supports
     */
    public static WfdbHeader parse(String text, String source) {
        List<String> comments = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\r?\n|\r", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
            } else if (!line.isEmpty()) {
                int hash = line.indexOf('#');
                lines.add(hash >= 0 ? line.substring(0, hash).strip() : line);
            }
        }
        if (lines.isEmpty()) {
            throw new WfdbFormatException(source, "no record line");
        }
        String[] rec = lines.getFirst().split("\\s+");
        if (rec.length < 2) {
            throw new WfdbFormatException(source, "record line needs a name and a number of signals: '" + lines.getFirst() + "'");
        }
        String name = rec[0];
        if (name.contains("/")) {
            throw new WfdbFormatException(source, "multi-segment records are not supported: '" + name + "'");
        }
        int nsig = parseInt(rec[1], source, "number of signals");
        if (nsig < 0 || nsig > 4096) {
            throw new WfdbFormatException(source, "implausible number of signals " + nsig);
        }
        double fs = DEFAULT_FREQUENCY;
        if (rec.length > 2) {
            String f = rec[2];
            int cut = indexOfAny(f, "/(");
            fs = parseDouble(cut >= 0 ? f.substring(0, cut) : f, source, "sampling frequency");
            if (!(fs > 0) || Double.isInfinite(fs)) {
                throw new WfdbFormatException(source, "sampling frequency must be positive: '" + f + "'");
            }
        }
        long nsamp = rec.length > 3 ? parseLong(rec[3], source, "number of samples") : 0;
        if (nsamp < 0) {
            throw new WfdbFormatException(source, "negative number of samples " + nsamp);
        }
        if (lines.size() - 1 < nsig) {
            throw new WfdbFormatException(source, "record line announces " + nsig + " signals but "
                    + (lines.size() - 1) + " signal lines follow");
        }
        List<WfdbSignal> signals = new ArrayList<>(nsig);
        for (int i = 0; i < nsig; i++) {
            signals.add(parseSignal(lines.get(i + 1), source, i));
        }
        return new WfdbHeader(name, fs, nsamp, signals, comments);
    }

    private static WfdbSignal parseSignal(String line, String source, int index) {
        String[] t = line.split("\\s+", 9);
        String where = "signal " + index + ": ";
        if (t.length < 2) {
            throw new WfdbFormatException(source, where + "needs a file name and a format: '" + line + "'");
        }
        String fmt = t[1];
        long offset = 0;
        int plus = fmt.indexOf('+');
        if (plus >= 0) {
            offset = parseLong(fmt.substring(plus + 1), source, where + "byte offset");
            if (offset < 0) {
                throw new WfdbFormatException(source, where + "negative byte offset");
            }
            fmt = fmt.substring(0, plus);
        }
        int colon = fmt.indexOf(':');
        if (colon >= 0) {
            int skew = parseInt(fmt.substring(colon + 1), source, where + "skew");
            if (skew != 0) {
                throw new WfdbFormatException(source, where + "skewed signals are not supported");
            }
            fmt = fmt.substring(0, colon);
        }
        int x = fmt.indexOf('x');
        if (x >= 0) {
            int spf = parseInt(fmt.substring(x + 1), source, where + "samples per frame");
            if (spf != 1) {
                throw new WfdbFormatException(source, where + "more than one sample per frame is not supported");
            }
            fmt = fmt.substring(0, x);
        }
        int format = parseInt(fmt, source, where + "format");
        double gain = 0;
        Integer baseline = null;
        String units = "mV";
        if (t.length > 2) {
            String g = t[2];
            int slash = g.indexOf('/');
            if (slash >= 0) {
                units = g.substring(slash + 1);
                g = g.substring(0, slash);
            }
            int paren = g.indexOf('(');
            if (paren >= 0) {
                int close = g.indexOf(')', paren);
                if (close < 0) {
                    throw new WfdbFormatException(source, where + "unclosed baseline in '" + t[2] + "'");
                }
                baseline = parseInt(g.substring(paren + 1, close), source, where + "baseline");
                g = g.substring(0, paren);
            }
            gain = parseDouble(g, source, where + "gain");
            if (Double.isNaN(gain) || Double.isInfinite(gain) || gain < 0) {
                throw new WfdbFormatException(source, where + "gain must be a non-negative number: '" + t[2] + "'");
            }
        }
        if (gain == 0) {
            gain = DEFAULT_GAIN;
        }
        int adcres = t.length > 3 ? parseInt(t[3], source, where + "ADC resolution") : 0;
        if (adcres == 0) {
            adcres = format == 212 ? 12 : 16;
        }
        int adcZero = t.length > 4 ? parseInt(t[4], source, where + "ADC zero") : 0;
        Integer init = t.length > 5 ? parseInt(t[5], source, where + "initial value") : null;
        Integer cksum = t.length > 6 ? parseInt(t[6], source, where + "checksum") : null;
        int bsize = t.length > 7 ? parseInt(t[7], source, where + "block size") : 0;
        String desc = t.length > 8 ? t[8] : "";
        return new WfdbSignal(t[0], format, offset, gain, baseline == null ? adcZero : baseline, units, adcres,
                adcZero, init, cksum, bsize, desc);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int parseInt(String s, String source, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new WfdbFormatException(source, what + " is not an integer: '" + s + "'", e);
        }
    }

    private static long parseLong(String s, String source, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new WfdbFormatException(source, what + " is not an integer: '" + s + "'", e);
        }
    }

    private static double parseDouble(String s, String source, String what) {
        // Double.parseDouble accepts hex floats, "NaN" and type suffixes that WFDB's atof does not; allow plain decimals only.
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new WfdbFormatException(source, what + " is not a number: '" + s + "'");
        }
        return Double.parseDouble(s);
    }
}
