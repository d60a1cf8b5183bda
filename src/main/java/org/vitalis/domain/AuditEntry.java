package org.vitalis.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One row of the append-only audit trail. {@code hash} covers every other field and the previous
 * row's hash, so changing or deleting any row breaks the chain from that row on.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    /** Position in the chain, 1 for the first row; assigned under the chain-head lock, never by a sequence. */
    @Id
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 50)
    private String username;

    @Column(nullable = false, length = 100)
    private String workstation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AuditAction action;

    @Column(name = "entity_type", length = 30)
    private String entityType;

    @Column(name = "entity_id", length = 50)
    private String entityId;

    @Column(length = 2000)
    private String detail;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {
    }

    public AuditEntry(long seq, Instant occurredAt, String username, String workstation, AuditAction action,
            String entityType, String entityId, String detail, String prevHash, String hash) {
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.username = username;
        this.workstation = workstation;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.detail = detail;
        this.prevHash = prevHash;
        this.hash = hash;
    }

    public long getSeq() {
        return seq;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUsername() {
        return username;
    }

    public String getWorkstation() {
        return workstation;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getDetail() {
        return detail;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
