package dev.leeway.webhook;

import org.springframework.boot.test.context.SpringBootTest;

/** Webhook delivery on the embedded database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookDeliveryTest extends WebhookDeliveryContract {}
