package dev.leeway.audit;

/** Follows the chain record by record and remembers the first place it breaks. */
final class ChainWalk {

    /** Where the chain head stood when the walk began; the chain must reach it, and may go on. */
    private final long headPosition;
    private String hashAtHead = ChainHash.GENESIS;
    private long checked;
    private long expectedPosition = 1;
    private String previousHash = ChainHash.GENESIS;
    private ChainVerification.Break firstBreak;

    ChainWalk(long headPosition) {
        this.headPosition = headPosition;
    }

    /** @return how many records the walk has checked, this one included */
    long check(StoredRecord record) {
        checked++;
        if (firstBreak != null) {
            return checked;
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
        if (record.position() == headPosition) {
            hashAtHead = record.hash();
        }
        return checked;
    }

    /** @param headHash the head's hash when the walk began */
    ChainVerification result(String headHash) {
        if (firstBreak == null && (expectedPosition - 1 < headPosition || !headHash.equals(hashAtHead))) {
            firstBreak = new ChainVerification.Break(expectedPosition, null,
                    "the chain ends at position " + (expectedPosition - 1) + " but was written up to " + headPosition
                            + " (records at the end were removed)");
        }
        return new ChainVerification(firstBreak == null, checked, firstBreak);
    }
}
