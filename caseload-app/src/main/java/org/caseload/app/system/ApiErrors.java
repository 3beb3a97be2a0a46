package org.caseload.app.system;

import java.util.NoSuchElementException;
import org.caseload.engine.query.RequestException;
import org.caseload.model.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * API errors as {@code {"error", "field", "hint"}} with a 4xx (503 when a database is down, 504 when an
 * analytics query ran out of time); never a stack trace.
 */
@RestControllerAdvice(basePackages = "org.caseload.app")
public class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    private final CaseloadProperties props;

    public ApiErrors(CaseloadProperties props) {
        this.props = props;
    }

    public record ApiError(String error, String field, String hint) {}

    @ExceptionHandler(RequestException.class)
    public ResponseEntity<ApiError> request(RequestException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.getMessage(), e.field(), e.hint().orElse(null)));
    }

    @ExceptionHandler({IllegalArgumentException.class, ModelException.class})
    public ResponseEntity<ApiError> badInput(RuntimeException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.getMessage(), null, null));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(new ApiError("missing parameter '" + e.getParameterName() + "'", e.getParameterName(), null));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new ApiError("bad value for '" + e.getName() + "'", e.getName(), null));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ApiError("the request body is not valid JSON for this endpoint", null,
                "see /api/docs for the schema"));
    }

    @ExceptionHandler(NoSuchElementException.class)
    public ResponseEntity<ApiError> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(e.getMessage(), null, null));
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("forbidden", null, e.getMessage()));
    }

    /**
     * The analytics database (jOOQ's errors): 504 when the query ran out of time, else 503 — it is
     * unreachable, its connection broke, or it failed otherwise; the database, not the request, is the
     * problem.
     */
    @ExceptionHandler(org.jooq.exception.DataAccessException.class)
    public ResponseEntity<ApiError> analytics(RuntimeException e) {
        AnalyticsFailures.Kind kind = AnalyticsFailures.classify(e);
        LOG.warn("analytics database error ({}) in request {}: {}", kind, MDC.get("requestId"), e.getMessage());
        HttpStatus status = kind == AnalyticsFailures.Kind.TIMEOUT ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        String error = kind == AnalyticsFailures.Kind.OTHER ? "the analytics database could not answer"
                : AnalyticsFailures.describe(e, props.analytics().queryTimeout());
        return ResponseEntity.status(status).body(new ApiError(error, null,
                AnalyticsFailures.hint(e) + "; request id " + MDC.get("requestId")));
    }

    /** Spring's data access errors: the app database (users, dashboards, audit) could not answer. */
    @ExceptionHandler(DataAccessException.class)
    public ResponseEntity<ApiError> database(RuntimeException e) {
        LOG.warn("database error in request {}: {}", MDC.get("requestId"), e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError("the database could not answer",
                null, "try again shortly; request id " + MDC.get("requestId")));
    }

    /** A download whose client went away: its query is cancelled already, and there is nobody to answer. */
    @ExceptionHandler(ClientGoneException.class)
    public void clientGone(ClientGoneException e) {
        LOG.info("request {}: {}", MDC.get("requestId"), e.getMessage());
    }
}
