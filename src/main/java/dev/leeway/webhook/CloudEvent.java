package dev.leeway.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leeway.event.CaseEvent;
import java.time.Instant;

/**
 * A case event as CloudEvents 1.0 in structured mode: the attributes and the data in one JSON
 * document.
 *
 * @param subject the case id
 * @param leewayrecordid extension: the audit record the event stems from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
        String datacontenttype, String leewayrecordid, Object data) {

    static final String MEDIA_TYPE = "application/cloudevents+json";

    static CloudEvent of(CaseEvent event, String source) {
        return new CloudEvent("1.0", event.id().toString(), source, event.type().wireName(), event.caseId(), event.time(),
                "application/json", event.recordId(), event.data());
    }
}
