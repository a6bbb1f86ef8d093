package dev.leeway.audit;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Follows the chain record by record and remembers the first place it breaks. */
final class ChainWalk {

    /** Where the chain head stood when the walk began; the chain must reach it, and may go on. */
    private final long headPosition;
    /** By position; the walk checks each record that one of them saw. */
    private final TreeMap<Long, ChainAnchor> anchors = new TreeMap<>();
    private String hashAtHead = ChainHash.GENESIS;
    private long checked;
    private long expectedPosition = 1;
    private String previousHash = ChainHash.GENESIS;
    /** The last position an anchor vouched for: a rewrite found at a later anchor began after it. */
    private long lastAnchorMatched;
    private ChainVerification.Break firstBreak;

    ChainWalk(long headPosition, Collection<ChainAnchor> anchors) {
        this.headPosition = headPosition;
        anchors.forEach(anchor -> this.anchors.put(anchor.position(), anchor));
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
        } else {
            checkAnchor(record);
        }
        expectedPosition = record.position() + 1;
        previousHash = record.hash();
        if (record.position() == headPosition) {
            hashAtHead = record.hash();
        }
        return checked;
    }

    private void checkAnchor(StoredRecord record) {
        ChainAnchor anchor = anchors.get(record.position());
        if (anchor == null) {
            return;
        }
        if (anchor.hash().equals(record.hash())) {
            lastAnchorMatched = record.position();
            return;
        }
        firstBreak = new ChainVerification.Break(record.position(), record.recordId(),
                "has another hash than " + anchor.seenBy() + " recorded for this position (" + anchor.hash()
                        + "): a record after position " + lastAnchorMatched
                        + " and up to this one was changed, and the chain after it hashed anew");
    }

    /** @param headHash the head's hash when the walk began */
    ChainVerification result(String headHash) {
        long lastWalked = expectedPosition - 1;
        if (firstBreak == null && (lastWalked < headPosition || !headHash.equals(hashAtHead))) {
            firstBreak = new ChainVerification.Break(expectedPosition, null,
                    "the chain ends at position " + lastWalked + " but was written up to " + headPosition
                            + " (records at the end were removed)");
        }
        Map.Entry<Long, ChainAnchor> beyondTheEnd = anchors.higherEntry(lastWalked);
        if (firstBreak == null && beyondTheEnd != null) {
            firstBreak = new ChainVerification.Break(expectedPosition, null, "the chain ends at position " + lastWalked
                    + " but " + beyondTheEnd.getValue().seenBy() + " recorded position " + beyondTheEnd.getKey()
                    + " (records at the end were removed)");
        }
        return new ChainVerification(firstBreak == null, checked, firstBreak,
                firstBreak == null ? new ChainVerification.Head(lastWalked, previousHash) : null);
    }
}
