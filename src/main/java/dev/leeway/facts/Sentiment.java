package dev.leeway.facts;

/** The customer's mood as the helpdesk reads it; {@link #DISTRESSED} puts empathy before procedure. */
public enum Sentiment { POSITIVE, NEUTRAL, NEGATIVE, ANGRY, DISTRESSED }
