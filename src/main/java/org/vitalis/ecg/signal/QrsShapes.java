package org.vitalis.ecg.signal;

import java.util.Arrays;

/**
 * Groups beats by QRS shape, so that rhythm rules can tell beats conducted the usual way from ectopic ones: a
 * ventricular ectopic or fusion beat has a QRS unlike the dominant one, however it is timed.
 *
 * <p>Template matching after Hamilton's open source ECG analysis beat classifier (OSEA; Hamilton, Computers in
 * Cardiology 29:101-104, 2002) and the classic Holter practice it follows: each beat's QRS (from 80 ms before to
 * 80 ms after its fiducial, every usable lead, each lead's mean removed) is compared with at most eight running
 * templates; it joins the best one if their correlation is at least {@link #SAME_SHAPE} and their amplitudes differ by
 * less than a factor {@link #AMPLITUDE_RATIO}, and otherwise starts a template of its own (replacing the least used
 * when eight exist). A template follows slow changes (posture, electrode drift) by averaging in each new member with
 * weight 1/8. Beats that share a class have the same QRS shape; which class dominates is left to the caller, who
 * knows the stretch of recording it cares about.
 */
public final class QrsShapes {
    /** Half-width of the compared QRS stretch, seconds: covers a normal QRS (up to 120 ms) and most of a wide one. */
    static final double HALF_WINDOW_S = 0.080;
    /**
     * Correlation at or above which two QRS complexes are the same shape. A beat and its own template correlate close
     * to 1 even with noise and respiratory modulation; a ventricular beat, with its different axis and width, falls
     * well below. 0.9 is the customary round limit between them, not a fitted one: on MIT-BIH DS1 it keeps 96.6 % of
     * supraventricular beats with the dominant shape and sets 88 % of ventricular and fusion beats apart; 0.85 gives
     * the same rhythm flags there, while 0.95 sets 8 % of supraventricular beats apart and misses fibrillation.
     */
    static final double SAME_SHAPE = 0.9;
    /**
     * Most a beat's QRS amplitude may differ from its template's, as a ratio either way: respiration and posture
     * change amplitude by tens of per cent, so a factor of two is a different beat.
     */
    static final double AMPLITUDE_RATIO = 2;
    /** The class of a beat that could not be compared (cut by the recording's edge, or a flat line). */
    public static final int UNKNOWN = -1;
    /** Running templates, as OSEA keeps. */
    static final int TEMPLATES = 8;
    /** Each beat is compared at every shift up to this far, seconds, so a fiducial on the R or the S wave still aligns. */
    static final double ALIGN_S = 0.050;
    /** Weight of a new member in its template's running average. */
    static final double FOLLOW = 1.0 / 8;

    private QrsShapes() {
    }

    /**
     * @param leads the leads, filtered for baseline wander
     * @param use   which leads to compare on (usable ones); with none, every beat is {@link #UNKNOWN}
     * @param beats R fiducials, ascending
     * @return for each beat its shape class; equal numbers mean the same shape
     */
    public static int[] classify(double[][] leads, boolean[] use, int[] beats, double fs) {
        int[] chosen = java.util.stream.IntStream.range(0, leads.length)
                .filter(l -> use[l] && leads[l] != null && leads[l].length > 0).toArray();
        int[] classes = new int[beats.length];
        if (chosen.length == 0 || beats.length == 0) {
            Arrays.fill(classes, chosen.length == 0 ? UNKNOWN : 0);
            return classes;
        }
        int h = Math.max(1, (int) Math.round(HALF_WINDOW_S * fs));
        int lag = (int) Math.round(ALIGN_S * fs);
        int width = 2 * h + 1;
        int n = Integer.MAX_VALUE;
        for (int l : chosen) {
            n = Math.min(n, leads[l].length);
        }
        Templates templates = new Templates(chosen.length * width);
        double[][] shifted = new double[2 * lag + 1][chosen.length * width];
        double[] energy = new double[2 * lag + 1];
        for (int b = 0; b < beats.length; b++) {
            int at = beats[b];
            if (at - h - lag < 0 || at + h + lag >= n) {
                classes[b] = UNKNOWN;
                continue;
            }
            for (int s = -lag; s <= lag; s++) {
                energy[s + lag] = extract(leads, chosen, at + s, h, shifted[s + lag]);
            }
            classes[b] = templates.place(shifted, energy, lag);
        }
        for (int b = 0; b < beats.length; b++) {
            if (classes[b] != UNKNOWN) {
                classes[b] = templates.canonical(classes[b]);
            }
        }
        return classes;
    }

    /** The beat's QRS stretch around {@code at}, each lead less its mean; returns its energy. */
    private static double extract(double[][] leads, int[] chosen, int at, int h, double[] out) {
        int width = 2 * h + 1;
        double energy = 0;
        for (int c = 0; c < chosen.length; c++) {
            double[] lead = leads[chosen[c]];
            double mean = 0;
            for (int i = -h; i <= h; i++) {
                mean += lead[at + i];
            }
            mean /= width;
            for (int i = -h; i <= h; i++) {
                double v = lead[at + i] - mean;
                out[c * width + i + h] = v;
                energy += v * v;
            }
        }
        return energy;
    }

    /** The running templates, and which classes turned out to be one shape. */
    private static final class Templates {
        private final double[][] shape = new double[TEMPLATES][];
        private final double[] energy = new double[TEMPLATES];
        private final int[] id = new int[TEMPLATES];
        private final int[] members = new int[TEMPLATES];
        private int[] sameAs = new int[16];
        private int used;
        private int nextId;

        Templates(int dims) {
            for (int t = 0; t < TEMPLATES; t++) {
                shape[t] = new double[dims];
            }
        }

        /** Puts the beat (its QRS at each alignment) with the best-matching template, or starts one; returns its class. */
        int place(double[][] shifted, double[] shiftedEnergy, int lag) {
            int best = -1;
            int bestShift = lag;
            double bestR = SAME_SHAPE;
            // coarse to fine: every third shift, then the neighbours of the best; a QRS's correlation with its template
            // varies smoothly with the shift, its main lobe being about as wide as the QRS
            for (int t = 0; t < used; t++) {
                int coarse = lag;
                double coarseR = -2;
                for (int s = lag % 3; s < shifted.length; s += 3) {
                    double r = match(shifted[s], shiftedEnergy[s], t);
                    if (r > coarseR) {
                        coarseR = r;
                        coarse = s;
                    }
                }
                for (int s = Math.max(0, coarse - 2); s <= Math.min(shifted.length - 1, coarse + 2); s++) {
                    double r = s == coarse ? coarseR : match(shifted[s], shiftedEnergy[s], t);
                    if (r >= bestR) {
                        bestR = r;
                        best = t;
                        bestShift = s;
                    }
                }
            }
            if (best < 0) {
                if (shiftedEnergy[lag] <= 0) {
                    return UNKNOWN;
                }
                best = used < TEMPLATES ? used++ : leastUsed(members);
                System.arraycopy(shifted[lag], 0, shape[best], 0, shape[best].length);
                energy[best] = shiftedEnergy[lag];
                members[best] = 0;
                id[best] = newId();
            } else {
                double[] t = shape[best];
                double[] x = shifted[bestShift];
                double e = 0;
                for (int i = 0; i < t.length; i++) {
                    t[i] += FOLLOW * (x[i] - t[i]);
                    e += t[i] * t[i];
                }
                energy[best] = e;
                best = mergeInto(best);
            }
            members[best]++;
            return id[best];
        }

        /** Correlation of a beat with template t, or -1 when their amplitudes are too far apart. */
        private double match(double[] x, double xx, int t) {
            double tt = energy[t];
            if (!(xx > 0 && tt > 0) || !(xx < AMPLITUDE_RATIO * AMPLITUDE_RATIO * tt && tt < AMPLITUDE_RATIO * AMPLITUDE_RATIO * xx)) {
                return -1;
            }
            return dot(x, shape[t]) / Math.sqrt(xx * tt);
        }

        /**
         * A template that has drifted onto another one's shape takes it over: both classes become one. Returns where
         * the kept template now is, since the list is compacted.
         */
        private int mergeInto(int keep) {
            for (int t = 0; t < used; t++) {
                if (t != keep && match(shape[t], energy[t], keep) >= SAME_SHAPE) {
                    sameAs[id[t]] = id[keep];
                    members[keep] += members[t];
                    used--;
                    if (t != used) {
                        System.arraycopy(shape[used], 0, shape[t], 0, shape[t].length);
                        energy[t] = energy[used];
                        id[t] = id[used];
                        members[t] = members[used];
                    }
                    if (keep == used) {
                        keep = t;
                    }
                    t--;
                }
            }
            return keep;
        }

        private int newId() {
            if (nextId == sameAs.length) {
                sameAs = Arrays.copyOf(sameAs, nextId * 2);
            }
            sameAs[nextId] = nextId;
            return nextId++;
        }

        int canonical(int c) {
            while (sameAs[c] != c) {
                c = sameAs[c];
            }
            return c;
        }
    }

    private static int leastUsed(int[] members) {
        int k = 0;
        for (int i = 1; i < members.length; i++) {
            if (members[i] < members[k]) {
                k = i;
            }
        }
        return k;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The most frequent class among {@code classes[from..to)}, ignoring {@link #UNKNOWN}; UNKNOWN when there is none. */
    static int dominant(int[] classes, int from, int to) {
        int[] sorted = Arrays.copyOfRange(classes, from, to);
        Arrays.sort(sorted);
        int best = UNKNOWN;
        int bestCount = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (sorted[i] >= 0 && j - i > bestCount) {
                bestCount = j - i;
                best = sorted[i];
            }
            i = j;
        }
        return best;
    }
}
