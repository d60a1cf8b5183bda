package org.vitalis.vision.inference.training;

/**
 * Fits p = sigmoid(a·z + b) to validation scores z (logit difference) by Newton's method on the log-loss, with Platt's
 * smoothed targets (N₊+1)/(N₊+2) and 1/(N₋+2) so a small, separable validation set cannot drive a to infinity
 * (Platt, "Probabilistic outputs for support vector machines", 1999; Lin, Lin &amp; Weng, Machine Learning 68, 2007).
 * The class-weighted training loss shifts the logits towards the rarer class; the bias b removes that shift, which
 * temperature scaling alone (b = 0, Guo et al. 2017) could not. Temperature = 1/a.
 */
record PlattScaling(double temperature, double bias) {

    static PlattScaling fit(double[] z, boolean[] positive) {
        int nPos = 0;
        for (boolean p : positive) {
            nPos += p ? 1 : 0;
        }
        int nNeg = positive.length - nPos;
        double hi = (nPos + 1.0) / (nPos + 2.0);
        double lo = 1.0 / (nNeg + 2.0);
        double a = 1;
        double b = 0;
        double loss = loss(z, positive, hi, lo, a, b);
        for (int iter = 0; iter < 200; iter++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < z.length; i++) {
                double p = sigmoid(a * z[i] + b);
                double d = p - (positive[i] ? hi : lo);
                double w = p * (1 - p);
                ga += d * z[i];
                gb += d;
                haa += w * z[i] * z[i];
                hab += w * z[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            // Backtracking: a full Newton step can overshoot when the logits are large; halve it until the loss falls.
            double step = 1;
            double next = loss(z, positive, hi, lo, a - da, b - db);
            while (!(next <= loss) && step > 1e-8) {
                step /= 2;
                next = loss(z, positive, hi, lo, a - step * da, b - step * db);
            }
            if (!(next <= loss)) {
                break;
            }
            a -= step * da;
            b -= step * db;
            boolean converged = loss - next < 1e-12;
            loss = next;
            if (converged) {
                break;
            }
        }
        if (!(a > 1e-6)) {
            // A scale of zero or below would invert or flatten the model; fall back to the uncalibrated logits.
            return new PlattScaling(1, 0);
        }
        return new PlattScaling(1 / a, b);
    }

    /** Cross-entropy against the smoothed targets, computed stably from the margin. */
    private static double loss(double[] z, boolean[] positive, double hi, double lo, double a, double b) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double m = a * z[i] + b;
            double t = positive[i] ? hi : lo;
            // −[t log σ(m) + (1 − t) log(1 − σ(m))] = log(1 + e^m) − t·m
            sum += (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m))) - t * m;
        }
        return sum;
    }

    double probability(double z) {
        return sigmoid(z / temperature + bias);
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
