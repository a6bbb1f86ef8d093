package dev.leeway.decision;

/**
 * Told of each live decision once it is recorded, on the request's thread, before it is answered:
 * it must return at once and hand any real work off (a shadow rule set queues the request).
 */
public interface DecisionListener {

    void decided(DecisionRequest request, Decision decision);
}
