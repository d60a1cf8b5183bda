package org.vitalis.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.ecg.format.EcgRecord;

/** Recordings for tests that store ECGs. */
public final class SyntheticEcgs {
    private SyntheticEcgs() {
    }

    /** Lead amplitude factors relative to lead II, roughly as a normal 12-lead ECG shows them. */
    private static final String[] TWELVE = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
    private static final double[] SCALE = {0.6, 1.0, 0.45, -0.8, 0.25, 0.7, -0.5, 0.3, 0.8, 1.3, 1.2, 0.9};

    /**
     * A 12-lead, 500 Hz, 10 s recording at 72 /min: Gaussian P, Q, R, S, T waves per beat (McSharry et al., IEEE TBME
     * 50(3), 2003) with 10 uV of noise, sampled at 1 uV per unit (gain 1000 /mV) as many carts store it.
     */
    public static EcgRecord twelveLead(String id, Instant start, long seed) {
        double fs = 500;
        int n = 5000;
        double[][] waves = {{-0.17, 0.15, 0.025}, {-0.03, -0.12, 0.01}, {0, 1.2, 0.012}, {0.03, -0.25, 0.012},
            {0.28, 0.3, 0.05}};
        Random rnd = new Random(seed);
        List<EcgLead> leads = new ArrayList<>();
        for (int l = 0; l < TWELVE.length; l++) {
            int[] x = new int[n];
            for (int i = 0; i < n; i++) {
                double t = i / fs;
                double mv = 0;
                for (double r = 0.4; r < 10.5; r += 60.0 / 72) {
                    for (double[] w : waves) {
                        double z = (t - r - w[0]) / w[2];
                        mv += SCALE[l] * w[1] * Math.exp(-0.5 * z * z);
                    }
                }
                mv += 0.05 * Math.sin(2 * Math.PI * 0.25 * t) + 0.01 * rnd.nextGaussian();
                x[i] = (int) Math.round(mv * 1000);
            }
            leads.add(new EcgLead(TWELVE[l], x, 1000, 0, "mV"));
        }
        return new EcgRecord(id, start, fs, leads, null, null);
    }

}
