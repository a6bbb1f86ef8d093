package dev.leeway.audit;

/** What an audit record is; stored and hashed by its name. */
public enum RecordKind {
    DECISION,
    ESCAPE_INVOCATION,
    ESCAPE_REVIEW,
    RULE_SET_ACTIVATED
}
