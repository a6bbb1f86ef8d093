package dev.leeway.web;

import dev.leeway.audit.AuditUnavailableException;
import dev.leeway.audit.verification.TooManyWalksException;
import dev.leeway.decision.RuleSetUnavailableException;
import dev.leeway.decision.RunawayRuleSetException;
import dev.leeway.vocabulary.RuleConclusionException;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.time.temporal.Temporal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem ({@code application/problem+json}); invalid input
 * is reported with an {@code errors} list naming each field by its JSON path.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
    /** RFC 9457's type for a problem that says no more than its status. */
    private static final URI STATUS_ONLY = URI.create("about:blank");

    static ProblemDetail payloadTooLarge(long limit) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                "Request too large",
                "The request body is larger than the limit of " + limit + " bytes (leeway.api.max-request-size).");
    }

    /** A problem of one of Leeway's {@link ProblemTypes}: status, type, a title per type, and what happened. */
    public static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /**
     * Spring leaves out the type of a problem that only restates its status (an unknown path or
     * record, an unsupported method or media type). RFC 9457 reads a missing type as
     * {@code about:blank}; saying so keeps every problem's shape the same for clients.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(STATUS_ONLY);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Class<?> root = ex.getParameter().getParameterType();
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(JsonFieldPaths.of(root, error.getField()), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return invalid("The request has " + errors.size() + " invalid field(s).", errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = findCause(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            ProblemDetail problem = payloadTooLarge(tooLarge.limit());
            return createResponseEntity(problem, null, HttpStatus.PAYLOAD_TOO_LARGE, request);
        }
        JacksonException jackson = findCause(ex, JacksonException.class);
        if (jackson instanceof StreamReadException malformed) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
                    "The body is not valid JSON" + location(malformed) + ": " + malformed.getOriginalMessage());
            return createResponseEntity(problem, null, HttpStatus.BAD_REQUEST, request);
        }
        if (jackson != null && !jackson.getPath().isEmpty()) {
            FieldError error = new FieldError(path(jackson), typeMessage(jackson));
            return invalid("The field " + error.field() + " " + error.message() + ".", List.of(error), request);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_JSON,
                "Unreadable request body",
                jackson == null ? "The request body is missing or unreadable." : jackson.getOriginalMessage());
        return createResponseEntity(problem, null, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        FieldError error = new FieldError(field, "must be " + (type == null ? "of another type" : describe(type))
                + ", not \"" + ex.getValue() + "\"");
        return invalid("The parameter " + field + " " + error.message() + ".", List.of(error), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return invalid("The request has " + errors.size() + " invalid parameter(s).", errors, request);
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> invalidParameter(InvalidParameterException ex, WebRequest request) {
        FieldError error = new FieldError(ex.parameter(), ex.getMessage());
        return invalid("The parameter " + error.field() + " " + error.message() + ".", List.of(error), request);
    }

    @ExceptionHandler(RuleSetUnavailableException.class)
    ProblemDetail ruleSetUnavailable(RuleSetUnavailableException ex) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.RULE_SET_UNAVAILABLE,
                "No rule set is serving",
                ex.getMessage());
    }

    @ExceptionHandler(RunawayRuleSetException.class)
    ProblemDetail runaway(RunawayRuleSetException ex) {
        log.error("{}", ex.getMessage());
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.RUNAWAY_RULE_SET,
                "Rule set did not come to rest",
                ex.getMessage());
        problem.setProperty("ruleSet", ex.ruleSetVersion());
        problem.setProperty("firingLimit", ex.firingLimit());
        problem.setProperty("busiestRules", ex.busiestRules());
        return problem;
    }

    @ExceptionHandler(AuditUnavailableException.class)
    ProblemDetail auditUnavailable(AuditUnavailableException ex) {
        log.error("{}", ex.getMessage(), ex.getCause());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.AUDIT_UNAVAILABLE,
                "Audit log unavailable",
                "The decision was not answered because it could not be recorded in the audit log; try again.");
    }

    @ExceptionHandler(RuleConclusionException.class)
    ProblemDetail invalidConclusion(RuleConclusionException ex) {
        log.error("{}", ex.getMessage());
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.RULE_CONCLUSION,
                "A rule concluded something the charter does not allow",
                ex.getMessage());
        problem.setProperty("rule", ex.rule());
        return problem;
    }

    /**
     * Walks of the audit chain end on their own, within minutes on the largest logs: a 503 with
     * Retry-After tells the client to come back rather than that it asked wrongly.
     */
    @ExceptionHandler(TooManyWalksException.class)
    ResponseEntity<ProblemDetail> tooManyWalks(TooManyWalksException ex) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.TOO_MANY_WALKS,
                "Too many walks of the audit chain", ex.getMessage());
        problem.setProperty("mostAtOnce", ex.most());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60").body(problem);
    }

    /**
     * The database did not answer (connection refused, pool exhausted, timeout): worth trying again,
     * which a 503 tells clients and load balancers; the request changed nothing.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ProblemDetail storeUnavailable(DataAccessException ex) {
        log.error("The database did not answer", ex);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.STORE_UNAVAILABLE,
                "Database unavailable",
                "Leeway's database did not answer; try again shortly.");
    }

    /**
     * Whatever no handler above expected: still a problem, so clients parse one format, and
     * logged in full here, because the answer says nothing about Leeway's insides.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected failure while answering a request", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
                "Internal error",
                "Leeway failed to answer this request; the failure is in its log.");
    }

    private ResponseEntity<Object> invalid(String detail, List<FieldError> errors, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
                detail);
        problem.setProperty("errors", errors);
        return createResponseEntity(problem, null, HttpStatus.BAD_REQUEST, request);
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeMessage(JacksonException ex) {
        if (ex instanceof UnrecognizedPropertyException unknown) {
            return "is not a known field; known fields here are " + unknown.getKnownPropertyIds()
                    + " (free-form values go in case.attributes)";
        }
        if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> target = invalid.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants()) + ", not \"" + invalid.getValue() + "\"";
            }
            return "must be " + describe(target) + ", not \"" + invalid.getValue() + "\"";
        }
        if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        return "is not readable: " + ex.getOriginalMessage();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 instant such as 2026-11-25T09:30:00Z";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String location(StreamReadException ex) {
        return ex.getLocation() == null ? ""
                : " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr();
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
