package org.vitalis.device.codec;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A line-based ASCII ECG stream: one signed integer ADC sample per line, as AD8232 breakout boards driven by an
 * Arduino sketch print them ({@code Serial.println(analogRead(A0))}). Nothing in the stream says the sampling rate,
 * the gain or the baseline, so they are set per device; a sample is (count - baseline) / gain millivolts.
 */
public final class AsciiEcgDecoder extends AbstractLineDecoder<AsciiEcgDecoder.Sample> {
    // Longer than any int with sign; a longer line is noise, not a sample.
    private static final int MAX_LINE = 16;

    /** One sample: its index in the stream, time since the first sample, raw count and value in mV. */
    public record Sample(long index, double seconds, int count, BigDecimal millivolts, String unit) {
    }

    private final double rateHz;
    private final BigDecimal countsPerMillivolt;
    private final int baseline;
    private long next;

    /**
     * @param rateHz             samples per second the device sends
     * @param countsPerMillivolt ADC counts per millivolt at the electrodes (the device's gain)
     * @param baseline           the count that means 0 mV (e.g. 512 for a 10-bit ADC biased at mid-supply)
     */
    public AsciiEcgDecoder(double rateHz, BigDecimal countsPerMillivolt, int baseline) {
        super(MAX_LINE);
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("sampling rate must be a positive number of Hz, not " + rateHz);
        }
        if (countsPerMillivolt == null || countsPerMillivolt.signum() <= 0) {
            throw new IllegalArgumentException("gain must be a positive number of counts per mV, not "
                    + countsPerMillivolt);
        }
        this.rateHz = rateHz;
        this.countsPerMillivolt = countsPerMillivolt;
        this.baseline = baseline;
    }

    @Override
    Sample parse(String text) {
        String t = text.strip();
        int count;
        try {
            count = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new CodecException("ECG line \"" + t + "\" is not an integer sample", 0);
        }
        long i = next++;
        // DECIMAL64 keeps 16 significant digits, far beyond any ECG ADC's resolution, for gains like 1/3.
        BigDecimal mv = BigDecimal.valueOf((long) count - baseline).divide(countsPerMillivolt, MathContext.DECIMAL64)
                .stripTrailingZeros();
        return new Sample(i, i / rateHz, count, mv, "mV");
    }
}
