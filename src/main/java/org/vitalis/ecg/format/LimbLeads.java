package org.vitalis.ecg.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The four limb leads an electrocardiograph derives from the two it acquires, I and II.
 *
 * <p>Einthoven's law (W. Einthoven, "The different forms of the human electrocardiogram and their signification",
 * Lancet 1912;1:853-861): III = II - I. Goldberger's augmented leads (E. Goldberger, "A simple, indifferent,
 * electrocardiographic electrode of zero potential and a technique of obtaining augmented, unipolar, extremity
 * leads", Am Heart J 1942;23:483-492), written with I and II: aVR = -(I + II)/2, aVL = I - II/2, aVF = II - I/2.
 *
 * <p>Stored leads must be lossless. III is exact in the device's counts at the device's gain. The augmented leads
 * halve a sum of counts, which an integer cannot hold exactly; {@link #counts} therefore stores them as twice their
 * value at twice the gain (aVR counts = -(I + II), gain 2g), so that counts divided by gain give the exact value.
 * Many carts and SCP-ECG files store only I and II for this reason; {@link #derive(EcgRecord)} completes them.
 */
public final class LimbLeads {
    /** The derived leads' names, in the order of the standard 12-lead display. */
    public static final String[] NAMES = {"III", "aVR", "aVL", "aVF"};

    private LimbLeads() {
    }

    public static double iii(double i, double ii) {
        return ii - i;
    }

    public static double avr(double i, double ii) {
        return -(i + ii) / 2;
    }

    public static double avl(double i, double ii) {
        return i - ii / 2;
    }

    public static double avf(double i, double ii) {
        return ii - i / 2;
    }

    /** One derived lead by name ("III", "aVR", "aVL", "aVF") at one sample. */
    public static double derive(String name, double i, double ii) {
        return switch (name) {
            case "III" -> iii(i, ii);
            case "aVR" -> avr(i, ii);
            case "aVL" -> avl(i, ii);
            case "aVF" -> avf(i, ii);
            default -> throw new IllegalArgumentException("not a derived limb lead: " + name);
        };
    }

    /** III, aVR, aVL and aVF of whole leads, in that order, in the unit of the inputs. */
    public static double[][] derive(double[] i, double[] ii) {
        int n = sameLength(i.length, ii.length);
        double[][] out = new double[4][n];
        for (int k = 0; k < n; k++) {
            out[0][k] = iii(i[k], ii[k]);
            out[1][k] = avr(i[k], ii[k]);
            out[2][k] = avl(i[k], ii[k]);
            out[3][k] = avf(i[k], ii[k]);
        }
        return out;
    }

    /**
     * The record with III, aVR, aVL and aVF appended where absent, in that order, after the stored leads, exactly
     * ({@link #counts}); stored leads are untouched. Returns the record itself when I or II is missing or the two are
     * not on the same scale.
     */
    public static EcgRecord derive(EcgRecord r) {
        EcgLead one = find(r.leads(), "I");
        EcgLead two = find(r.leads(), "II");
        if (one == null || two == null || one.gain() != two.gain() || one.baseline() != two.baseline()
                || !one.unit().equals(two.unit())) {
            return r;
        }
        List<EcgLead> leads = new ArrayList<>(r.leads());
        for (DerivedLead d : counts(one.samples(), two.samples(), one.baseline())) {
            if (find(r.leads(), d.name()) == null) {
                leads.add(new EcgLead(d.name(), d.counts(), one.gain() * d.gainFactor(), 0, one.unit()));
            }
        }
        return new EcgRecord(r.id(), r.start(), r.samplingFrequency(), leads, r.beats(), r.events());
    }

    private static EcgLead find(List<EcgLead> leads, String label) {
        return leads.stream().filter(l -> l.label().equals(label)).findFirst().orElse(null);
    }

    /**
     * The derived leads in integer counts, exactly. Each has baseline 0; {@link DerivedLead#gainFactor()} says by how
     * much its gain exceeds the inputs' gain (1 for III, 2 for the augmented leads).
     *
     * @param baseline the count that means 0 in both I and II (they must share gain and baseline)
     * @throws ArithmeticException when a count does not fit in an int (inputs beyond ±2^30)
     */
    public static DerivedLead[] counts(int[] i, int[] ii, int baseline) {
        int n = sameLength(i.length, ii.length);
        int[] iii = new int[n];
        int[] avr = new int[n];
        int[] avl = new int[n];
        int[] avf = new int[n];
        for (int k = 0; k < n; k++) {
            long x1 = (long) i[k] - baseline;
            long x2 = (long) ii[k] - baseline;
            iii[k] = Math.toIntExact(x2 - x1);
            avr[k] = Math.toIntExact(-(x1 + x2));
            avl[k] = Math.toIntExact(2 * x1 - x2);
            avf[k] = Math.toIntExact(2 * x2 - x1);
        }
        return new DerivedLead[] {new DerivedLead("III", iii, 1), new DerivedLead("aVR", avr, 2),
            new DerivedLead("aVL", avl, 2), new DerivedLead("aVF", avf, 2)};
    }

    /** A derived lead in counts with baseline 0, at {@code gainFactor} times the gain of I and II. */
    public record DerivedLead(String name, int[] counts, int gainFactor) {
    }

    private static int sameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("leads I and II must have the same length, not " + a + " and " + b);
        }
        return a;
    }
}
