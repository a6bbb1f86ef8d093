package dev.leeway.audit;

import java.util.List;

/**
 * What one caller hands the audit writer: records to append in order, and a write to a table
 * beside the log (the escape-use table) that must commit with them or not at all.
 *
 * @param alongside runs in the transaction that appends the entries, after them; what it throws
 *        fails this append alone and reaches its caller as thrown
 */
public record Append(List<AuditEntry> entries, Runnable alongside) {

    private static final Runnable NOTHING = () -> {};

    public Append {
        entries = List.copyOf(entries);
        alongside = alongside == null ? NOTHING : alongside;
    }

    public Append(List<AuditEntry> entries) {
        this(entries, NOTHING);
    }
}
