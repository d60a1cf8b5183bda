package org.vitalis.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.Role;
import org.vitalis.domain.UserAccount;
import org.vitalis.store.Database;

/**
 * Logging in, out, and back in after the idle lock. After {@link #MAX_FAILURES} wrong passwords in a
 * row the account is locked for {@link #LOCKOUT}, which stops password guessing at the desk.
 */
public final class AuthService {
    /** OWASP Authentication Cheat Sheet ("Account Lockout"): a small threshold and a time-limited lock. */
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final Database db;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final String workstation;
    /** Verified against when a user name is unknown, so that the answer takes as long as for a real user. */
    private final String decoyHash;

    public AuthService(Database db, AuditTrail audit, PasswordHasher hasher, Clock clock, String workstation) {
        this.db = db;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
        this.workstation = workstation;
        this.decoyHash = hasher.hash("decoy-password".toCharArray());
    }

    public String workstation() {
        return workstation;
    }

    public boolean needsFirstAdmin() {
        return db.inTransaction(s -> s.users().count()) == 0;
    }

    /** Creates the first account, an admin; refused once any account exists. */
    public UserSession createFirstAdmin(String username, String displayName, char[] password) {
        UserValidation.checkUsername(username);
        UserValidation.checkDisplayName(displayName);
        PasswordPolicy.check(password);
        String hash = hasher.hash(password);
        UserAccount user = db.inTransaction(s -> {
            if (s.users().count() > 0) {
                throw new IllegalStateException("An administrator already exists; log in instead.");
            }
            UserAccount u = s.users().save(new UserAccount(username.strip(), displayName.strip(), Role.ADMIN, hash, clock.instant()));
            audit.record(s, new Actor(u.getUsername(), workstation), AuditAction.USER_CREATE, "user",
                    String.valueOf(u.getId()), "first administrator, role=ADMIN");
            audit.record(s, new Actor(u.getUsername(), workstation), AuditAction.LOGIN, "user", String.valueOf(u.getId()), null);
            return u;
        });
        return sessionOf(user);
    }

    public UserSession login(String username, char[] password) throws LoginFailedException {
        String name = username == null ? "" : username.strip();
        Optional<UserAccount> found = db.inTransaction(s -> s.users().findByUsername(name));
        if (found.isEmpty()) {
            hasher.verify(password, decoyHash);
            audit.record(db, new Actor(truncate(name), workstation), AuditAction.LOGIN_FAILED, "user", null, "unknown user");
            throw new LoginFailedException(LoginFailedException.Reason.BAD_CREDENTIALS, null);
        }
        UserAccount user = found.get();
        checkPassword(user, password);
        audit.record(db, new Actor(user.getUsername(), workstation), AuditAction.LOGIN, "user", String.valueOf(user.getId()), null);
        return sessionOf(user);
    }

    /** Asks for the password again after the idle lock; the same failure counting applies. */
    public void unlock(UserSession session, char[] password) throws LoginFailedException {
        UserAccount user = db.inTransaction(s -> s.users().find(session.userId()))
                .orElseThrow(() -> new LoginFailedException(LoginFailedException.Reason.DISABLED, null));
        checkPassword(user, password);
        audit.record(db, session.actor(), AuditAction.SESSION_UNLOCKED, "user", String.valueOf(user.getId()), null);
    }

    public void lock(UserSession session) {
        audit.record(db, session.actor(), AuditAction.SESSION_LOCKED, "user", String.valueOf(session.userId()), "idle");
    }

    public void logout(UserSession session) {
        audit.record(db, session.actor(), AuditAction.LOGOUT, "user", String.valueOf(session.userId()), null);
    }

    private void checkPassword(UserAccount user, char[] password) throws LoginFailedException {
        Instant now = clock.instant();
        if (!user.isActive()) {
            audit.record(db, new Actor(user.getUsername(), workstation), AuditAction.LOGIN_FAILED, "user",
                    String.valueOf(user.getId()), "account disabled");
            throw new LoginFailedException(LoginFailedException.Reason.DISABLED, null);
        }
        if (user.getLockedUntil() != null && now.isBefore(user.getLockedUntil())) {
            audit.record(db, new Actor(user.getUsername(), workstation), AuditAction.LOGIN_FAILED, "user",
                    String.valueOf(user.getId()), "account locked");
            throw new LoginFailedException(LoginFailedException.Reason.LOCKED_OUT, user.getLockedUntil());
        }
        boolean ok = hasher.verify(password, user.getPasswordHash());
        Instant lockedUntil = db.inTransaction(s -> {
            UserAccount fresh = s.users().find(user.getId()).orElseThrow();
            if (ok) {
                fresh.setFailedAttempts(0);
                fresh.setLockedUntil(null);
                return null;
            }
            int failures = fresh.getFailedAttempts() + 1;
            fresh.setFailedAttempts(failures);
            Instant until = null;
            if (failures >= MAX_FAILURES) {
                until = now.plus(LOCKOUT);
                fresh.setLockedUntil(until);
                fresh.setFailedAttempts(0);
            }
            audit.record(s, new Actor(fresh.getUsername(), workstation), AuditAction.LOGIN_FAILED, "user",
                    String.valueOf(fresh.getId()), until == null ? "wrong password, failure " + failures
                            : "wrong password, locked until " + until);
            return until;
        });
        if (!ok) {
            throw lockedUntil == null ? new LoginFailedException(LoginFailedException.Reason.BAD_CREDENTIALS, null)
                    : new LoginFailedException(LoginFailedException.Reason.LOCKED_OUT, lockedUntil);
        }
    }

    private UserSession sessionOf(UserAccount u) {
        return new UserSession(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), workstation, clock.instant());
    }

    private static String truncate(String s) {
        return s.length() > 50 ? s.substring(0, 50) : s;
    }
}
