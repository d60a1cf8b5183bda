package org.vitalis.security;

import java.util.EnumSet;
import java.util.Set;
import org.vitalis.domain.Role;

/**
 * The permissions table (README shows the same table). Nurses register patients and take
 * vitals; doctors do that and also diagnose and confirm, and export the labelled lesion-photo data set they
 * reviewed; admins manage users, the audit trail, exports and backups, and may read charts to export them, but change
 * no clinical data.
 */
public final class RolePermissions {
    private RolePermissions() {
    }

    public static Set<Permission> of(Role role) {
        return switch (role) {
            case NURSE -> EnumSet.of(Permission.PATIENT_READ, Permission.PATIENT_REGISTER, Permission.VITALS_RECORD);
            case DOCTOR -> EnumSet.of(Permission.PATIENT_READ, Permission.PATIENT_REGISTER, Permission.VITALS_RECORD,
                    Permission.CLINICAL_CONFIRM, Permission.DATASET_EXPORT);
            case ADMIN -> EnumSet.of(Permission.PATIENT_READ, Permission.USER_MANAGE, Permission.AUDIT_VIEW,
                    Permission.DATA_EXPORT, Permission.DATASET_EXPORT, Permission.BACKUP);
        };
    }

    public static boolean allows(Role role, Permission permission) {
        return of(role).contains(permission);
    }
}
