package org.vitalis.ui.shell;

import org.vitalis.security.Permission;

/** The screens of the main window and the permission that makes each appear. */
public enum Screen {
    PATIENTS(Permission.PATIENT_READ, "nav.patients"),
    INTAKE(Permission.VITALS_RECORD, "nav.intake"),
    ECG(Permission.VITALS_RECORD, "nav.ecg"),
    ECG_REVIEW(Permission.CLINICAL_CONFIRM, "nav.ecgReview"),
    DEVICES(Permission.VITALS_RECORD, "nav.devices"),
    USERS(Permission.USER_MANAGE, "nav.users"),
    AUDIT(Permission.AUDIT_VIEW, "nav.audit"),
    BACKUP(Permission.BACKUP, "nav.backup");

    private final Permission permission;
    private final String labelKey;

    Screen(Permission permission, String labelKey) {
        this.permission = permission;
        this.labelKey = labelKey;
    }

    public Permission permission() {
        return permission;
    }

    public String labelKey() {
        return labelKey;
    }
}
