package org.vitalis.domain;

/** What a doctor's review of a lesion photograph said about the model's result. */
public enum LesionReviewOutcome {
    /** The doctor agrees with the model's label. */
    CONFIRMED,
    /** The doctor gives another label than the model's. */
    OVERRIDDEN,
    /** There was no model result (no model for the kind); the doctor's label stands alone. */
    LABELLED
}
