package org.vitalis.security;

import java.time.Instant;
import org.vitalis.domain.Role;

/** Who is logged in at which workstation; every service call takes one and checks it. */
public record UserSession(long userId, String username, String displayName, Role role, String workstation,
        Instant startedAt) {

    public boolean can(Permission permission) {
        return RolePermissions.allows(role, permission);
    }

    public Actor actor() {
        return new Actor(username, workstation);
    }
}
