package dev.leeway.facts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's question or problem as the helpdesk knows it: the main fact rules reason about.
 * Missing counters read as zero and missing collections as empty, so rules never meet null there.
 *
 * @param statusHistory the statuses the case has been in, oldest first, each with when it entered it
 * @param currentStep the procedure step the case is at now, as named by the rule files
 * @param contactsAboutSameProblem contacts about this problem within the last 30 days, this one included
 * @param waitingMinutes how long the customer has been waiting, in minutes
 * @param attributes free-form values the helpdesk sends and rules may read
 */
public record ServiceCase(
        @NotBlank String id,
        Channel channel,
        String category,
        Priority priority,
        CaseStatus status,
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
        Sentiment sentiment,
        List<String> tags,
        @Valid Customer customer,
        Map<String, Object> attributes) {

    public ServiceCase {
        priority = priority == null ? Priority.P3 : priority;
        status = status == null ? CaseStatus.NEW : status;
        statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
        transfers = transfers == null ? 0 : transfers;
        contactsAboutSameProblem = contactsAboutSameProblem == null ? 1 : contactsAboutSameProblem;
        waitingMinutes = waitingMinutes == null ? 0 : waitingMinutes;
        sentiment = sentiment == null ? Sentiment.NEUTRAL : sentiment;
        tags = tags == null ? List.of() : List.copyOf(tags);
        customer = customer == null ? new Customer(null, null, null, false, false) : customer;
        // JSON nulls are legal attribute values, which Map.copyOf would reject
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
