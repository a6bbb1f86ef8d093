package dev.leeway.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.Set;

/**
 * The customer behind a case.
 *
 * @param tier the customer's service level, one the vocabulary declares
 * @param churnRisk likelihood (0..1) that the customer leaves, as estimated by the helpdesk
 * @param vulnerable the customer needs extra care (health, age, bereavement …)
 * @param consideringLeaving the customer said they are thinking of leaving
 * @param tierAtLeast the tiers this customer's ranks at least as high as, itself included
 *     ({@code tierAtLeast contains "PREMIUM"}); worked out by the vocabulary, never sent
 */
public record Customer(
        String id,
        String tier,
        @DecimalMin("0.0") @DecimalMax("1.0") Double churnRisk,
        boolean vulnerable,
        boolean consideringLeaving,
        @JsonIgnore @Schema(hidden = true) Set<String> tierAtLeast) {

    public Customer {
        tierAtLeast = tierAtLeast == null ? Set.of() : tierAtLeast;
        churnRisk = churnRisk == null ? 0.0 : churnRisk;
    }
}
