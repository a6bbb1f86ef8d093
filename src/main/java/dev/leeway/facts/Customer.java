package dev.leeway.facts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * The customer behind a case.
 *
 * @param churnRisk likelihood (0..1) that the customer leaves, as estimated by the helpdesk
 * @param vulnerable the customer needs extra care (health, age, bereavement …)
 * @param consideringLeaving the customer said they are thinking of leaving
 */
public record Customer(
        String id,
        CustomerTier tier,
        @DecimalMin("0.0") @DecimalMax("1.0") Double churnRisk,
        boolean vulnerable,
        boolean consideringLeaving) {

    public Customer {
        tier = tier == null ? CustomerTier.STANDARD : tier;
        churnRisk = churnRisk == null ? 0.0 : churnRisk;
    }
}
