package dev.leeway.audit;

/**
 * A chain position and the hash its record had when someone saw it, such as an earlier walk or an
 * auditor who kept a walk's {@code head}. The chain is hashed without a key, so whoever can write
 * to the database could change a record and compute every later hash anew; an anchor kept from
 * before shows that, because the record at its position no longer has the hash it had.
 *
 * @param position a chain position, from 1
 * @param hash the hash of the record at that position, as seen then
 * @param seenBy who saw it, as a noun phrase for the report of a rewritten chain ("verification … at …")
 */
public record ChainAnchor(long position, String hash, String seenBy) {}
