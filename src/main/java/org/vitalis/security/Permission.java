package org.vitalis.security;

/** One thing a user may do; services check these on every call, whatever the screen allows. */
public enum Permission {
    PATIENT_READ,
    PATIENT_REGISTER,
    VITALS_RECORD,
    CLINICAL_CONFIRM,
    USER_MANAGE,
    AUDIT_VIEW,
    DATA_EXPORT,
    BACKUP
}
