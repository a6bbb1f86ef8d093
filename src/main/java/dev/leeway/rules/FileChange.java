package dev.leeway.rules;

/**
 * How one file differs from the previous active rule set.
 *
 * @param change {@code ADDED}, {@code MODIFIED} or {@code REMOVED}
 * @param hash the file's hash in the new set (the old hash for a removed file)
 */
public record FileChange(String path, String change, String hash) {}
