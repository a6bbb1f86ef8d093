package dev.leeway.audit;

/**
 * On an H2 file database, the records answered from the journal that the database does not hold yet.
 *
 * @param recordsWaiting how many records are on their way from the journal to the database
 * @param failure why the latest attempt to add them failed, while they keep failing; null otherwise
 */
public record JournalBacklog(long recordsWaiting, String failure) {}
