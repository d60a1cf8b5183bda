package org.vitalis.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 side of the audit table's append-only rule (PostgreSQL has a plpgsql trigger for it). */
public class AppendOnlyTrigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_entry is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
