package dev.leeway.audit;

import java.time.Instant;

/**
 * An audit record as stored: its place in the chain, its content and both hashes.
 *
 * @param recordedAt truncated to milliseconds, the precision every supported database keeps
 */
public record StoredRecord(
        long position,
        String recordId,
        RecordKind kind,
        Instant recordedAt,
        String caseId,
        String actorId,
        String ruleSetVersion,
        String subjectId,
        String payload,
        String prevHash,
        String hash) {

    StoredRecord withHash(String newHash) {
        return new StoredRecord(position, recordId, kind, recordedAt, caseId, actorId, ruleSetVersion, subjectId,
                payload, prevHash, newHash);
    }
}
