package org.vitalis.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.AuditEntry;
import org.vitalis.store.AuditLog;
import org.vitalis.store.AuditRepository;
import org.vitalis.store.Database;
import org.vitalis.store.StoreSession;

/**
 * The hash-chained audit trail. Each row's hash is SHA-256 over the previous row's hash and
 * every field of the row, so an edited, removed or inserted row shows up as the first row whose
 * hash no longer matches.
 */
public final class AuditTrail {
    public static final String GENESIS_HASH = "0".repeat(64);
    private static final int PAGE = 2000;

    private final Clock clock;

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    /** Appends within the caller's transaction, so the entry commits or rolls back with the change it records. */
    public AuditEntry record(StoreSession store, Actor actor, AuditAction action, String entityType, String entityId,
            String detail) {
        AuditRepository audit = store.audit();
        AuditRepository.ChainHead head = audit.lockHead();
        long seq = head.lastSeq() + 1;
        // The database keeps microseconds; hash what will be read back.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(head.lastHash(), seq, at, actor.username(), actor.workstation(), action, entityType,
                entityId, detail);
        AuditEntry entry = new AuditEntry(seq, at, actor.username(), actor.workstation(), action, entityType,
                entityId, detail, head.lastHash(), hash);
        audit.append(entry);
        return entry;
    }

    public void record(Database db, Actor actor, AuditAction action, String entityType, String entityId, String detail) {
        db.run(s -> record(s, actor, action, entityType, entityId, detail));
    }

    /** This trail as the store's backup and restore record into it, acting as {@code actor}. */
    public AuditLog logFor(Actor actor) {
        return new AuditLog() {
            @Override
            public void append(StoreSession session, AuditAction action, String entityType, String entityId,
                    String detail) {
                record(session, actor, action, entityType, entityId, detail);
            }

            @Override
            public Optional<String> verify(Database db) {
                Verification v = AuditTrail.this.verify(db, n -> { });
                return v.intact() ? Optional.empty() : Optional.of(v.problem());
            }
        };
    }

    /**
     * Walks the chain in pages up to the head as it stood when verification began; reports
     * progress as the number of rows checked. Rows other workstations append meanwhile are left
     * for the next verification: reading the head last would see rows the pages never reached
     * and report an intact chain as cut short.
     */
    public Verification verify(Database db, LongConsumer progress) {
        AuditRepository.ChainHead head = db.inTransaction(s -> s.audit().head());
        String expectedPrev = GENESIS_HASH;
        long expectedSeq = 1;
        while (expectedSeq <= head.lastSeq()) {
            long from = expectedSeq;
            int count = (int) Math.min(PAGE, head.lastSeq() - from + 1);
            List<AuditEntry> page = db.inTransaction(s -> s.audit().page(from, count));
            for (AuditEntry e : page) {
                if (e.getSeq() != expectedSeq) {
                    return Verification.broken(expectedSeq - 1, expectedSeq, "row " + expectedSeq + " is missing");
                }
                if (!e.getPrevHash().equals(expectedPrev)) {
                    return Verification.broken(expectedSeq - 1, e.getSeq(),
                            "row " + e.getSeq() + " does not follow row " + (e.getSeq() - 1) + " (previous hash differs)");
                }
                String actual = hash(e.getPrevHash(), e.getSeq(), e.getOccurredAt(), e.getUsername(),
                        e.getWorkstation(), e.getAction(), e.getEntityType(), e.getEntityId(), e.getDetail());
                if (!actual.equals(e.getHash())) {
                    return Verification.broken(expectedSeq - 1, e.getSeq(),
                            "row " + e.getSeq() + " was changed after it was written (hash differs)");
                }
                expectedPrev = e.getHash();
                expectedSeq++;
            }
            progress.accept(expectedSeq - 1);
            if (page.size() < count) {
                break;
            }
        }
        long checked = expectedSeq - 1;
        if (head.lastSeq() != checked || !head.lastHash().equals(expectedPrev)) {
            return Verification.broken(checked, checked + 1,
                    "the chain ends at row " + checked + " but its head records row " + head.lastSeq()
                            + " (rows were removed from the end)");
        }
        return Verification.intact(checked);
    }

    static String hash(String prevHash, long seq, Instant at, String username, String workstation, AuditAction action,
            String entityType, String entityId, String detail) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        // Length-prefixed fields: no choice of field contents can make two rows hash alike.
        for (String field : new String[] {prevHash, Long.toString(seq), at.toString(), username, workstation,
                action.name(), entityType, entityId, detail}) {
            byte[] bytes = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
            sha.update(((bytes == null ? -1 : bytes.length) + ":").getBytes(StandardCharsets.US_ASCII));
            if (bytes != null) {
                sha.update(bytes);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The outcome of a verification: intact with the row count, or the first broken row and why. */
    public record Verification(boolean intact, long rowsChecked, long firstBrokenSeq, String problem) {
        static Verification intact(long rows) {
            return new Verification(true, rows, 0, null);
        }

        static Verification broken(long rowsGood, long firstBroken, String problem) {
            return new Verification(false, rowsGood, firstBroken, problem);
        }
    }
}
