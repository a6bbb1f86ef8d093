package dev.leeway.facts;

import java.util.List;

/**
 * The member of staff asking Leeway, whose roles decide which permissions and escapes apply.
 *
 * @param level seniority within the role, as the organisation counts it (optional)
 */
public record Actor(String id, List<String> roles, String team, Integer level) {

    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
