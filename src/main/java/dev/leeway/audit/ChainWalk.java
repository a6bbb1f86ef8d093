package dev.leeway.audit;

/** Follows the chain record by record and remembers the first place it breaks. */
final class ChainWalk {

    private long checked;
    private long expectedPosition = 1;
    private String previousHash = ChainHash.GENESIS;
    private ChainVerification.Break firstBreak;

    void check(StoredRecord record) {
        checked++;
        if (firstBreak != null) {
            return;
        }
        if (record.position() != expectedPosition) {
            firstBreak = new ChainVerification.Break(expectedPosition, null,
                    "record at position " + expectedPosition + " is missing (next present: " + record.position() + ")");
        } else if (!record.prevHash().equals(previousHash)) {
            firstBreak = new ChainVerification.Break(record.position(), record.recordId(),
                    "does not link to the record before it (a record before it was changed, removed or inserted)");
        } else if (!ChainHash.of(record.prevHash(), record.position(), record).equals(record.hash())) {
            firstBreak = new ChainVerification.Break(record.position(), record.recordId(),
                    "content no longer matches its hash (the record was changed)");
        }
        expectedPosition = record.position() + 1;
        previousHash = record.hash();
    }

    ChainVerification result(long headPosition, String headHash) {
        if (firstBreak == null && (headPosition != expectedPosition - 1 || !headHash.equals(previousHash))) {
            firstBreak = new ChainVerification.Break(expectedPosition, null,
                    "the chain ends at position " + (expectedPosition - 1) + " but was written up to " + headPosition
                            + " (records at the end were removed)");
        }
        return new ChainVerification(firstBreak == null, checked, firstBreak);
    }
}
