package dev.leeway.decision;

/** Whether a deadline's clock counts time at the evaluation instant. */
public enum DeadlineClock { RUNNING, PAUSED }
