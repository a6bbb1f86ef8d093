package dev.leeway.facts;

/** How the customer reached the organisation for this case. */
public enum Channel { PHONE, EMAIL, CHAT, WEB, SOCIAL, IN_PERSON }
