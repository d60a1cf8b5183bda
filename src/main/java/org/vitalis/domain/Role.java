package org.vitalis.domain;

/** What a user is at the clinic; the permissions each role grants live in security.RolePermissions. */
public enum Role {
    ADMIN,
    DOCTOR,
    NURSE
}
