package dev.leeway.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' side of webhooks: who is told about case events, and deliveries that gave up. */
@RestController
@Tag(name = "Webhooks")
public class WebhookController {

    private final WebhookSubscriptions subscriptions;
    private final DeadLetters deadLetters;

    public WebhookController(WebhookSubscriptions subscriptions, DeadLetters deadLetters) {
        this.subscriptions = subscriptions;
        this.deadLetters = deadLetters;
    }

    @GetMapping(path = "/api/v1/webhooks/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The active webhook subscriptions, from configuration and from this API, without their secrets")
    public SubscriptionList subscriptions() {
        return subscriptions.list();
    }

    @PostMapping(path = "/api/v1/webhooks/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Subscribe a URL to event types; the answer holds the signing secret, shown this once")
    @ApiResponse(responseCode = "201", description = "Subscribed; keep the secret, it is never shown again")
    @ApiResponse(responseCode = "400", description = "The url or an event type is invalid; errors name the field")
    public ResponseEntity<CreatedSubscription> subscribe(@RequestBody SubscriptionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(subscriptions.create(request));
    }

    @DeleteMapping(path = "/api/v1/webhooks/subscriptions/{id}")
    @Operation(summary = "Stop delivering to a subscription made through this API")
    @ApiResponse(responseCode = "204", description = "Nothing more is delivered to it")
    @ApiResponse(responseCode = "404", description = "No active subscription has that id")
    @ApiResponse(responseCode = "409", description = "The subscription comes from the configuration")
    public ResponseEntity<Void> unsubscribe(@PathVariable String id) {
        subscriptions.remove(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/v1/webhooks/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Deliveries that gave up after the most attempts allowed, oldest first, a page at a time")
    public DeadLetterPage deadLetters(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return deadLetters.page(cursor, limit);
    }

    @PostMapping(path = "/api/v1/webhooks/dead-letters/{deliveryId}/replay")
    @Operation(summary = "Deliver a dead letter again, with its attempts counted afresh and the same webhook-id")
    @ApiResponse(responseCode = "202", description = "Due again now")
    @ApiResponse(responseCode = "404", description = "No delivery has that id")
    @ApiResponse(responseCode = "409", description = "The delivery is not a dead letter")
    public ResponseEntity<Void> replay(@PathVariable String deliveryId) {
        deadLetters.replay(deliveryId);
        return ResponseEntity.accepted().build();
    }
}
