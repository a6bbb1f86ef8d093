package dev.leeway.webhook;

import dev.leeway.event.EventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code webhook_subscription} table; the only place that reads a secret back is {@link #secretOf}. */
@Component
class SubscriptionTable {

    private static final String COLUMNS = "subscription_id, name, url, event_types, origin, created_at, active";

    private final JdbcTemplate jdbc;

    SubscriptionTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(EventSubscription subscription, String secret) {
        jdbc.update("INSERT INTO webhook_subscription (" + COLUMNS + ", secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                subscription.id(), subscription.name(), subscription.url(), String.join(",", subscription.events()),
                subscription.origin(), utc(subscription.createdAt()), subscription.active(), secret);
    }

    /** Configuration wins over what an earlier start stored under the same id; the first start inserts it. */
    void putConfigured(EventSubscription subscription, String secret) {
        int updated = jdbc.update("UPDATE webhook_subscription SET name = ?, url = ?, event_types = ?, secret = ?, "
                + "active = TRUE WHERE subscription_id = ? AND origin = ?", subscription.name(), subscription.url(),
                String.join(",", subscription.events()), secret, subscription.id(), EventSubscription.CONFIG);
        if (updated == 0) {
            add(subscription, secret);
        }
    }

    /** Configured subscriptions no longer in the configuration get nothing more; their history stays. */
    void deactivateConfiguredExcept(Collection<String> ids) {
        jdbc.query("SELECT subscription_id FROM webhook_subscription WHERE origin = ? AND active",
                (row, n) -> row.getString(1), EventSubscription.CONFIG).stream()
                .filter(id -> !ids.contains(id))
                .forEach(this::deactivate);
    }

    boolean deactivate(String id) {
        return jdbc.update("UPDATE webhook_subscription SET active = FALSE WHERE subscription_id = ? AND active", id) == 1;
    }

    List<EventSubscription> active() {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscription WHERE active ORDER BY created_at, subscription_id",
                SubscriptionTable::toSubscription);
    }

    Optional<EventSubscription> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscription WHERE subscription_id = ?",
                SubscriptionTable::toSubscription, id).stream().findFirst();
    }

    /** The ids of active subscriptions to the type; read in the audit append's transaction. */
    List<String> subscribedTo(EventType type) {
        return active().stream().filter(subscription -> subscription.events().contains(type.wireName()))
                .map(EventSubscription::id).toList();
    }

    /** Where and with what key to sign a delivery: read by the dispatcher only, never answered. */
    Optional<Target> target(String id) {
        return jdbc.query("SELECT url, secret FROM webhook_subscription WHERE subscription_id = ? AND active",
                (row, n) -> new Target(row.getString("url"), row.getString("secret")), id).stream().findFirst();
    }

    /** A receiver's address and signing secret. */
    record Target(String url, String secret) {

        @Override
        public String toString() {
            return "Target[url=" + url + "]";
        }
    }

    private static EventSubscription toSubscription(ResultSet row, int rowNumber) throws SQLException {
        List<String> events = Arrays.stream(row.getString("event_types").split(",")).filter(name -> !name.isEmpty())
                .collect(Collectors.toList());
        return new EventSubscription(row.getString("subscription_id"), row.getString("name"), row.getString("url"),
                events, row.getString("origin"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getBoolean("active"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
