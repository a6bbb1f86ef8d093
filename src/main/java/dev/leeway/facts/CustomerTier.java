package dev.leeway.facts;

/** The customer's service level, which tightens the deadlines the charter promises. */
public enum CustomerTier { STANDARD, PREMIUM, ENTERPRISE }
