package dev.leeway.watch;

import dev.leeway.event.CaseEvent;
import dev.leeway.event.CaseEventsRecorded;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Listens as the webhook outbox does, noting whether each event reached it inside a transaction. */
class RecordedEvents {

    record Received(CaseEvent event, boolean inTransaction) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();

    @EventListener
    void recorded(CaseEventsRecorded recorded) {
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        recorded.events().forEach(event -> received.add(new Received(event, inTransaction)));
    }

    List<Received> of(String caseId) {
        return received.stream().filter(r -> r.event().caseId().equals(caseId)).toList();
    }

    List<String> typesOf(String caseId) {
        return of(caseId).stream().map(r -> r.event().type().wireName()).toList();
    }
}
