package dev.leeway.web;

import java.io.IOException;

/** A request body grew past {@code leeway.api.max-request-size} while it was being read. */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
