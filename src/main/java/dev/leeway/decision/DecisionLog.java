package dev.leeway.decision;

import dev.leeway.security.Caller;

/**
 * Where decisions are recorded before they are answered: no decision reaches a helpdesk that the
 * log does not hold. Implemented by the audit log.
 */
public interface DecisionLog {

    /**
     * Returns once the decision is durable.
     *
     * @param answer the decision as JSON, byte for byte the body the caller will receive; the log
     *        keeps these bytes as the decision's output rather than writing the decision again
     * @param caller who asked, as authenticated
     * @throws RuntimeException when it could not be recorded; the decision must then not be sent
     */
    default void record(DecisionRequest request, Decision decision, byte[] answer, Caller caller) {
        record(request, decision, answer, caller, null);
    }

    /**
     * Records the decision together with a write beside it, in one transaction: both are kept, or
     * neither is.
     *
     * @param alongside runs in the transaction that records the decision (null: nothing); what it
     *        throws refuses this record alone and reaches the caller as thrown
     */
    void record(DecisionRequest request, Decision decision, byte[] answer, Caller caller, Runnable alongside);
}
