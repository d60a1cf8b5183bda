package org.vitalis.store;

import java.time.Instant;
import java.util.Map;

/**
 * What a restore put back: where the backup came from and how many rows each table received.
 * {@code auditChainProblem} is null when the restored audit chain verifies; otherwise the backup
 * itself carried a broken chain, which is restored as found (it is evidence) and reported here.
 */
public record RestoreResult(Instant backupCreatedAt, DatabaseConfig.Kind sourceKind, String schemaVersion,
        Map<String, Long> rowCounts, long auditEntries, String auditChainProblem) {
    public RestoreResult {
        rowCounts = Map.copyOf(rowCounts);
    }
}
