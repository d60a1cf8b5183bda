-- The audit trail is append-only: the database itself refuses to change or delete a row.
create trigger audit_entry_append_only before update, delete on audit_entry
    for each row call 'org.vitalis.store.AppendOnlyTrigger';
