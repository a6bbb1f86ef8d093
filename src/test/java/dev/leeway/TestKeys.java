package dev.leeway;

import dev.leeway.security.Permission;

/** The API keys whose hashes src/test/resources/config/application.yaml configures. */
public final class TestKeys {

    /** Every permission, no staff roles: the key tests call with unless they say otherwise. */
    public static final String ALL = "test-key-all";
    /** Reviewers: escapes:review and audit:read, as named and with the staff role they hold. */
    public static final String PROBLEM_MANAGER_1 = "test-key-pm-1";
    public static final String PROBLEM_MANAGER_2 = "test-key-pm-2";
    public static final String TEAM_LEAD_1 = "test-key-tl-1";
    /** Named agent-1, holding decide and escapes:review with every reviewer role: to show nobody reviews their own use. */
    public static final String AGENT_1 = "test-key-agent-1";

    private TestKeys() {}

    /** The key that holds this one permission and nothing else. */
    public static String only(Permission permission) {
        return "test-key-only-" + permission.scope().replace(':', '-');
    }
}
