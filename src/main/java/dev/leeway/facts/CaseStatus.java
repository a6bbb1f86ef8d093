package dev.leeway.facts;

/**
 * Where a case stands. A case is only {@link #CONFIRMED_SOLVED} once the customer confirms it:
 * {@link #SOLUTION_PROPOSED} is the organisation's belief, not the customer's.
 */
public enum CaseStatus { NEW, OPEN, WAITING_FOR_CUSTOMER, SOLUTION_PROPOSED, CONFIRMED_SOLVED, CLOSED }
