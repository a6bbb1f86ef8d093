package dev.leeway.escape;

import dev.leeway.audit.AuditStore;
import dev.leeway.audit.PageCursor;
import dev.leeway.audit.RecordFilter;
import dev.leeway.audit.StoredRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every use of an escape, for auditors: read from the audit log, where each one was recorded before
 * it was answered (also those that ask for no review and so never enter the review queue), with
 * where its review stands now.
 */
@Component
public class RecordedEscapeUses {

    private final AuditStore store;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public RecordedEscapeUses(AuditStore store, JdbcTemplate jdbc, JsonMapper json) {
        this.store = store;
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Review(String status, String reviewedBy, String note, OffsetDateTime reviewedAt) {}

    /** Uses matching the filter, newest first, a page at a time. */
    public EscapeUsePage find(RecordFilter filter, String cursor, int limit) {
        List<StoredRecord> found = store.records(EscapeInvocations.INVOCATION_RECORD, filter, PageCursor.position(cursor), limit + 1);
        List<StoredRecord> page = found.subList(0, Math.min(limit, found.size()));
        Map<String, Review> reviews = reviewsOf(page.stream().map(StoredRecord::recordId).toList());
        List<EscapeUse> uses = page.stream()
                .map(record -> withReview(json.readValue(record.payload(), EscapeUse.class), reviews.get(record.recordId())))
                .toList();
        return new EscapeUsePage(uses, found.size() > limit ? PageCursor.before(page.get(limit - 1).position()) : null);
    }

    /** The record says how the use stood when it was made; a review since then is in the queue's table. */
    private static EscapeUse withReview(EscapeUse recorded, Review review) {
        return review == null ? recorded : recorded.reviewed(review.status(), review.reviewedBy(), review.note(),
                review.reviewedAt() == null ? null : review.reviewedAt().toInstant());
    }

    private Map<String, Review> reviewsOf(List<String> invocationIds) {
        if (invocationIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Review> reviews = new HashMap<>();
        jdbc.query("SELECT invocation_id, status, reviewed_by, note, reviewed_at FROM escape_review WHERE invocation_id IN ("
                + String.join(", ", Collections.nCopies(invocationIds.size(), "?")) + ")",
                (ResultSet row) -> {
                    reviews.put(row.getString("invocation_id"), review(row));
                }, invocationIds.toArray());
        return reviews;
    }

    private static Review review(ResultSet row) throws SQLException {
        return new Review(row.getString("status"), row.getString("reviewed_by"), row.getString("note"),
                row.getObject("reviewed_at", OffsetDateTime.class));
    }
}
