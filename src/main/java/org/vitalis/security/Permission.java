package org.vitalis.security;

/** One thing a user may do; services check these on every call, whatever the screen allows. */
public enum Permission {
    PATIENT_READ,
    PATIENT_REGISTER,
    /** Vital signs and ECG recordings: taking, importing and attaching them to a patient. */
    VITALS_RECORD,
    /** Diagnosing and confirming findings, among them a recording's ECG interpretation. */
    CLINICAL_CONFIRM,
    USER_MANAGE,
    AUDIT_VIEW,
    DATA_EXPORT,
    /** Exporting reviewed lesion photographs as a labelled, pseudonymous data set for re-training a model. */
    DATASET_EXPORT,
    BACKUP
}
