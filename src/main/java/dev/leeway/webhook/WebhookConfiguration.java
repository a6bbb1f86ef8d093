package dev.leeway.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires what the webhook classes cannot choose for themselves. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    Jitter webhookJitter() {
        return Jitter.random();
    }
}
