package org.vitalis.vision.quality;

import java.time.Instant;
import java.util.List;

/**
 * A clinician's decision to use a photo that failed the quality gate, to be stored with the image and the result.
 *
 * @param overridden the checks that had failed
 * @param user       who overrode (user name)
 * @param at         when (UTC)
 * @param reason     the clinician's reason, free text (may be empty)
 */
public record QualityOverride(List<CheckKind> overridden, String user, Instant at, String reason) {
    public QualityOverride {
        overridden = List.copyOf(overridden);
        if (overridden.isEmpty()) {
            throw new IllegalArgumentException("nothing to override: every check passed");
        }
        if (user == null || user.isBlank() || at == null) {
            throw new IllegalArgumentException("an override records who made it and when");
        }
        reason = reason == null ? "" : reason;
    }
}
