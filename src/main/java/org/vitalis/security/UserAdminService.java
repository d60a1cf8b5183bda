package org.vitalis.security;

import java.time.Clock;
import java.util.List;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.Role;
import org.vitalis.domain.UserAccount;
import org.vitalis.store.Database;
import org.vitalis.store.StoreSession;

/** Accounts and roles, for admins. The last active admin can be neither demoted nor disabled. */
public final class UserAdminService {
    private final Database db;
    private final AuditTrail audit;
    private final AccessGuard guard;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserAdminService(Database db, AuditTrail audit, AccessGuard guard, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.guard = guard;
        this.hasher = hasher;
        this.clock = clock;
    }

    public record UserRow(long id, String username, String displayName, Role role, boolean active, boolean lockedOut) {
    }

    public List<UserRow> list(UserSession session) {
        guard.require(session, Permission.USER_MANAGE);
        var now = clock.instant();
        return db.inTransaction(s -> s.users().all().stream()
                .map(u -> new UserRow(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.isActive(),
                        u.getLockedUntil() != null && now.isBefore(u.getLockedUntil())))
                .toList());
    }

    public UserRow create(UserSession session, String username, String displayName, Role role, char[] password) {
        guard.require(session, Permission.USER_MANAGE);
        UserValidation.checkUsername(username);
        UserValidation.checkDisplayName(displayName);
        PasswordPolicy.check(password);
        String hash = hasher.hash(password);
        return db.inTransaction(s -> {
            if (s.users().findByUsername(username.strip()).isPresent()) {
                throw new IllegalArgumentException("The user name " + username.strip() + " is taken.");
            }
            UserAccount u = s.users().save(new UserAccount(username.strip(), displayName.strip(), role, hash, clock.instant()));
            audit.record(s, session.actor(), AuditAction.USER_CREATE, "user", String.valueOf(u.getId()),
                    "username=" + u.getUsername() + ", role=" + role);
            return new UserRow(u.getId(), u.getUsername(), u.getDisplayName(), role, true, false);
        });
    }

    public void changeRole(UserSession session, long userId, Role role) {
        guard.require(session, Permission.USER_MANAGE);
        db.run(s -> {
            UserAccount u = load(s, userId);
            if (u.getRole() == role) {
                return;
            }
            if (u.getRole() == Role.ADMIN && isLastActiveAdmin(s, u)) {
                throw new IllegalStateException("The last active administrator keeps the admin role.");
            }
            Role before = u.getRole();
            u.setRole(role);
            audit.record(s, session.actor(), AuditAction.ROLE_CHANGE, "user", String.valueOf(userId),
                    before + " -> " + role);
        });
    }

    public void setActive(UserSession session, long userId, boolean active) {
        guard.require(session, Permission.USER_MANAGE);
        db.run(s -> {
            UserAccount u = load(s, userId);
            if (!active && u.getRole() == Role.ADMIN && isLastActiveAdmin(s, u)) {
                throw new IllegalStateException("The last active administrator cannot be disabled.");
            }
            u.setActive(active);
            audit.record(s, session.actor(), AuditAction.USER_UPDATE, "user", String.valueOf(userId),
                    active ? "enabled" : "disabled");
        });
    }

    public void resetPassword(UserSession session, long userId, char[] password) {
        guard.require(session, Permission.USER_MANAGE);
        PasswordPolicy.check(password);
        String hash = hasher.hash(password);
        db.run(s -> {
            UserAccount u = load(s, userId);
            u.setPasswordHash(hash);
            u.setFailedAttempts(0);
            u.setLockedUntil(null);
            audit.record(s, session.actor(), AuditAction.PASSWORD_CHANGE, "user", String.valueOf(userId), "reset by admin");
        });
    }

    /** Lifts a lock-out before it runs out, e.g. when the user has called the admin. */
    public void clearLockout(UserSession session, long userId) {
        guard.require(session, Permission.USER_MANAGE);
        db.run(s -> {
            UserAccount u = load(s, userId);
            u.setFailedAttempts(0);
            u.setLockedUntil(null);
            audit.record(s, session.actor(), AuditAction.USER_UPDATE, "user", String.valueOf(userId), "lock-out cleared");
        });
    }

    private static UserAccount load(StoreSession s, long userId) {
        return s.users().find(userId).orElseThrow(() -> new IllegalArgumentException("No user with id " + userId));
    }

    private static boolean isLastActiveAdmin(StoreSession s, UserAccount u) {
        return u.isActive() && s.users().all().stream()
                .filter(o -> o.getRole() == Role.ADMIN && o.isActive()).count() == 1;
    }
}
