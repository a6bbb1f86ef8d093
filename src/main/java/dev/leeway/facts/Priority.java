package dev.leeway.facts;

/** How urgent the helpdesk judged the case: {@code P1} is the most urgent. */
public enum Priority { P1, P2, P3, P4 }
