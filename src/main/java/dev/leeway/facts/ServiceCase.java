package dev.leeway.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A customer's question or problem as the helpdesk knows it: the main fact rules reason about.
 * Missing counters read as zero and missing collections as empty, so rules never meet null there.
 * Channel, priority, status and sentiment are the organisation's words, declared in its
 * {@code vocabulary.yaml}; the vocabulary reads each request before the rules see it, resolving the
 * source's aliases and filling in defaults, and works out the last three components, which no
 * request can set.
 *
 * @param statusHistory the statuses the case has been in, oldest first, each with when it entered it
 * @param currentStep the procedure step the case is at now, as named by the rule files
 * @param contactsAboutSameProblem contacts about this problem within the last 30 days, this one included
 * @param waitingMinutes how long the customer has been waiting, in minutes
 * @param attributes values the helpdesk sends and rules may read; those the vocabulary declares are typed
 * @param priorityAtLeast the priorities this case's is at least as urgent as, itself included: rules
 *     say {@code priorityAtLeast contains "P2"} for "P2 or more urgent"
 * @param closed the status is one the vocabulary calls closed
 * @param solutionConfirmed the status is one in which, the vocabulary says, the customer confirmed the solution
 */
public record ServiceCase(
        @NotBlank String id,
        String channel,
        String category,
        String priority,
        String status,
        @OldestFirst List<@Valid StatusChange> statusHistory,
        Instant openedAt,
        Instant firstResponseAt,
        String currentStep,
        @PositiveOrZero Integer transfers,
        @PositiveOrZero Integer contactsAboutSameProblem,
        @PositiveOrZero Integer waitingMinutes,
        boolean companyAtFault,
        @PositiveOrZero BigDecimal amountAtStake,
        String currency,
        String sentiment,
        List<String> tags,
        @Valid Customer customer,
        Map<String, Object> attributes,
        @JsonIgnore @Schema(hidden = true) Set<String> priorityAtLeast,
        @JsonIgnore @Schema(hidden = true) boolean closed,
        @JsonIgnore @Schema(hidden = true) boolean solutionConfirmed) {

    public ServiceCase {
        statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
        transfers = transfers == null ? 0 : transfers;
        contactsAboutSameProblem = contactsAboutSameProblem == null ? 1 : contactsAboutSameProblem;
        waitingMinutes = waitingMinutes == null ? 0 : waitingMinutes;
        tags = tags == null ? List.of() : List.copyOf(tags);
        customer = customer == null ? new Customer(null, null, null, false, false, null) : customer;
        // JSON nulls are legal attribute values, which Map.copyOf would reject
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        priorityAtLeast = priorityAtLeast == null ? Set.of() : priorityAtLeast;
    }
}
