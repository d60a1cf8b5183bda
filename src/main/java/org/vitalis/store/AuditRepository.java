package org.vitalis.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.AuditEntry;

/** Storage of the audit chain. Rows are inserted, never updated; the hashing is security's job. */
public final class AuditRepository {
    private final Session session;

    AuditRepository(Session session) {
        this.session = session;
    }

    /** The last row's number and hash, locked until this transaction ends so appends queue up. */
    public ChainHead lockHead() {
        Object[] row = session.createNativeQuery(
                "select last_seq, last_hash from audit_chain_head where id = 1 for update", Object[].class)
                .getSingleResult();
        return new ChainHead(((Number) row[0]).longValue(), (String) row[1]);
    }

    public void append(AuditEntry entry) {
        session.persist(entry);
        session.flush();
        session.createNativeMutationQuery("update audit_chain_head set last_seq = :s, last_hash = :h where id = 1")
                .setParameter("s", entry.getSeq()).setParameter("h", entry.getHash()).executeUpdate();
    }

    /** Rows {@code fromSeq}..{@code fromSeq+count-1} in chain order, for a verification pass in pages. */
    public List<AuditEntry> page(long fromSeq, int count) {
        return session.createSelectionQuery("from AuditEntry where seq >= :s order by seq", AuditEntry.class)
                .setParameter("s", fromSeq).setMaxResults(count).getResultList();
    }

    public ChainHead head() {
        Object[] row = session.createNativeQuery(
                "select last_seq, last_hash from audit_chain_head where id = 1", Object[].class).getSingleResult();
        return new ChainHead(((Number) row[0]).longValue(), (String) row[1]);
    }

    /** Newest first, every criterion optional (null means any). */
    public List<AuditEntry> search(Instant from, Instant to, String username, AuditAction action, String entityId,
            int limit) {
        StringBuilder hql = new StringBuilder("from AuditEntry where 1 = 1");
        List<Object[]> params = new ArrayList<>();
        if (from != null) {
            hql.append(" and occurredAt >= :from");
            params.add(new Object[] {"from", from});
        }
        if (to != null) {
            hql.append(" and occurredAt < :to");
            params.add(new Object[] {"to", to});
        }
        if (username != null && !username.isBlank()) {
            hql.append(" and lower(username) = lower(:user)");
            params.add(new Object[] {"user", username.strip()});
        }
        if (action != null) {
            hql.append(" and action = :action");
            params.add(new Object[] {"action", action});
        }
        if (entityId != null && !entityId.isBlank()) {
            hql.append(" and entityId = :eid");
            params.add(new Object[] {"eid", entityId.strip()});
        }
        hql.append(" order by seq desc");
        var q = session.createSelectionQuery(hql.toString(), AuditEntry.class);
        for (Object[] p : params) {
            q.setParameter((String) p[0], p[1]);
        }
        return q.setMaxResults(limit).getResultList();
    }

    public record ChainHead(long lastSeq, String lastHash) {
    }

}
