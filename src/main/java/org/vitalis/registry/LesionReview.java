package org.vitalis.registry;

import java.time.Instant;
import org.vitalis.domain.LesionReviewOutcome;

/** A doctor's review of a lesion picture: the label that stands, the doctor's note, who and when. */
public record LesionReview(LesionReviewOutcome outcome, String label, String note, String reviewedBy,
        Instant reviewedAt) {
}
