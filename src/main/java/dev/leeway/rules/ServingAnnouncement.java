package dev.leeway.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says in one line where Leeway answers and on which rule set, so whoever started it knows where to point the helpdesk. */
@Component
public class ServingAnnouncement implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ServingAnnouncement.class);

    private final ActiveRuleSet rules;

    public ServingAnnouncement(ActiveRuleSet rules) {
        this.rules = rules;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        log.info("Leeway is serving on http://localhost:{} (API docs: http://localhost:{}/swagger-ui.html) with {}",
                port, port, rules.current().map(set -> "rule set " + set.version())
                        .orElse("NO valid rule set: decisions answer 503 until the rules are fixed"));
    }
}
