package org.vitalis.security;

/** The user's role does not grant what was asked; the message names the permission. */
public class AccessDeniedException extends RuntimeException {
    private final Permission permission;

    public AccessDeniedException(Permission permission, String username) {
        super("User " + username + " lacks permission " + permission);
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }
}
