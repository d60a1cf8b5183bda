package org.vitalis.domain;

/** What an audit entry records. Stored by name, so new actions may be added but none renamed. */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    SESSION_LOCKED,
    SESSION_UNLOCKED,
    ACCESS_DENIED,
    PATIENT_SEARCH,
    PATIENT_VIEW,
    PATIENT_CREATE,
    PATIENT_UPDATE,
    OBSERVATION_CREATE,
    ECG_RECORD,
    ECG_CONFIRM,
    LESION_CAPTURE,
    LESION_RESULT,
    LESION_REVIEW,
    DATASET_EXPORT,
    ECG_REPORT,
    USER_CREATE,
    USER_UPDATE,
    ROLE_CHANGE,
    PASSWORD_CHANGE,
    AUDIT_VIEW,
    AUDIT_EXPORT,
    BACKUP,
    RESTORE
}
