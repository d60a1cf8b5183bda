package org.vitalis.security;

/** Who did something, as the audit trail names them: a user (or a name typed at login) and a workstation. */
public record Actor(String username, String workstation) {
    /** Work done by the station itself (migrations, demo seeding, command-line tools). */
    public static Actor system(String workstation) {
        return new Actor("system", workstation);
    }
}
