package dev.leeway.facts;

import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * The member of staff asking Leeway, whose roles decide which permissions and escapes apply.
 *
 * @param id who it is: optional when asking for a decision, required where the log must say who
 *     acted (see {@link Accountable})
 * @param level seniority within the role, as the organisation counts it (optional)
 */
public record Actor(
        @NotBlank(groups = Accountable.class, message = "must say who acts: the audit log names whoever uses or reviews an escape")
        String id,
        List<String> roles,
        String team,
        Integer level) {

    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /**
     * The validation group for an actor who is accountable for what they do, such as using or
     * reviewing an escape; a request converts to it with {@code @ConvertGroup(to = Accountable.class)}.
     */
    public interface Accountable {}
}
