package org.vitalis.vision.quality;

import java.time.Instant;
import java.util.List;

/** Every check's outcome for one photo. A failed report asks for a retake; the user may override, which is recorded. */
public record QualityReport(List<Check> checks) {
    public QualityReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    public Check check(CheckKind kind) {
        return checks.stream().filter(c -> c.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " check in this report"));
    }

    /** What to tell the user: the failed checks' sentences and a request to retake, or that the photo is fine. */
    public String advice() {
        if (passed()) {
            return "The photo passed every quality check.";
        }
        StringBuilder sb = new StringBuilder();
        for (Check c : failures()) {
            sb.append(c.sentence()).append(' ');
        }
        return sb.append("Please retake the photo, or override if it is the best that can be had.").toString();
    }

    /** Records that {@code user} chose to use this photo despite its failed checks. */
    public QualityOverride override(String user, Instant at, String reason) {
        return new QualityOverride(failures().stream().map(Check::kind).toList(), user, at, reason);
    }
}
