package dev.leeway.security;

import java.util.Set;

/** The staff roles the serving rule set names as reviewers of escape uses; the bootstrap reviewer key holds them all. */
public interface ReviewerRoles {

    Set<String> named();
}
