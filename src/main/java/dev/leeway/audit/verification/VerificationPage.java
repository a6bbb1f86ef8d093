package dev.leeway.audit.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of walks of the audit chain, latest first.
 *
 * @param nextCursor pass as {@code cursor} for the next (older) page; absent on the last page
 */
public record VerificationPage(List<VerificationRun> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
