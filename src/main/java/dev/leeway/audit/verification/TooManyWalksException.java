package dev.leeway.audit.verification;

/**
 * A walk of the chain was refused because this instance is already making, or about to make, as
 * many as it takes at once. Each reads the whole log; queued without limit, walks asked for faster
 * than they end would pile up for ever, and slow down recording decisions as they run.
 */
public class TooManyWalksException extends RuntimeException {

    private final int most;

    TooManyWalksException(int most) {
        super("This instance is already walking, or about to walk, the audit chain " + most
                + " times, the most it takes at once; follow those walks at /api/v1/audit/verifications, "
                + "or try again once one has ended.");
        this.most = most;
    }

    /** How many walks one instance takes at once. */
    public int most() {
        return most;
    }
}
