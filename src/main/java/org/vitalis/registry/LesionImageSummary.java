package org.vitalis.registry;

import java.time.Instant;
import java.util.Optional;
import org.vitalis.domain.Laterality;
import org.vitalis.domain.LesionKind;

/**
 * A stored lesion picture without the picture itself: what lists and the "same site over time" row show, with its
 * thumbnail (PNG). {@code overrideBy}/{@code overrideReason} are set when it was kept although a check failed.
 */
public record LesionImageSummary(long id, long patientId, Instant takenAt, String takenBy, String workstation,
        LesionKind kind, String siteCode, String siteModifierCode, String siteDisplay, Laterality laterality, String source, String mediaType,
        int width, int height, long byteCount, String sha256, byte[] thumbnailPng, LesionQuality quality,
        String overrideBy, String overrideReason, Optional<LesionResult> result, Optional<LesionReview> review,
        long version) {

    /** The site's key in the catalogue ({@link org.vitalis.domain.BodySite#key()}). */
    public String siteKey() {
        return org.vitalis.domain.BodySite.key(siteCode, siteModifierCode);
    }

    public boolean awaitingReview() {
        return result.isPresent() && review.isEmpty();
    }
}
