package org.vitalis.registry;

import java.util.List;

/**
 * The quality checks of a lesion picture as they were shown when it was taken, kept with the picture. {@code kind} is
 * the check's name (BLUR, UNDEREXPOSED, OVEREXPOSED, TOO_SMALL, FRAMING); {@code sentence} the gate's English wording.
 */
public record LesionQuality(List<Check> checks) {
    public record Check(String kind, boolean passed, double value, double threshold, String sentence) {
        public Check {
            if (kind == null || kind.isBlank()) {
                throw new IllegalArgumentException("A quality check needs a kind.");
            }
            sentence = sentence == null ? "" : sentence;
        }
    }

    public LesionQuality {
        checks = List.copyOf(checks);
    }

    /** True when every check passed (also when there were none). */
    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    public List<Check> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
