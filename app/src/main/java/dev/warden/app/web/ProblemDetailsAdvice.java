package dev.warden.app.web;

import dev.warden.command.support.RequestContext;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.PositionNotReachedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json with a stable {@code code}: 400 for malformed input (with the
 * failing fields), 404 for unknown things, 409 for conflicts and stale versions, 422 for broken
 * rules, 503 when the read models lag behind a requested position, and 500 (with a correlation id,
 * never internals) for our own failures.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler({DomainException.class, CommandExecutionException.class, CompletionException.class,
            ExecutionException.class, AggregateNotFoundException.class, ConflictingModificationException.class})
    ResponseEntity<ProblemDetail> command(Exception exception, HttpServletRequest request) {
        Throwable cause = unwrap(exception);
        if (cause instanceof DomainException refusal) {
            return domain(refusal, request);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return missingAggregate(String.valueOf(notFound.getAggregateIdentifier()), request);
        }
        if (cause instanceof ConflictingAggregateVersionException) {
            return problem(HttpStatus.CONFLICT, "STALE_VERSION",
                    "The resource changed since the version you sent; read it again and retry", request);
        }
        if (cause instanceof ConflictingModificationException) {
            return problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                    "The resource was changed concurrently; retry the request", request);
        }
        return internal(cause, request);
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException exception, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "INVALID_QUERY",
                exception.getMessage(), request);
        response.getBody().setProperty("errors", List.of(Map.of("field", exception.parameter(),
                "message", exception.getMessage())));
        return response;
    }

    @ExceptionHandler(PositionNotReachedException.class)
    ResponseEntity<ProblemDetail> lagging(PositionNotReachedException exception, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "POSITION_NOT_REACHED",
                exception.getMessage(), request);
        response.getBody().setProperty("position", exception.position());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.getBody());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException exception, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT",
                "The request has invalid values", request);
        response.getBody().setProperty("errors", exception.getConstraintViolations().stream()
                .map(v -> Map.of("field", leaf(v.getPropertyPath()), "message", v.getMessage())).toList());
        return response;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, HttpServletRequest request) {
        return internal(exception, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail body = ProblemBodies.detail(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "The request body has invalid fields");
        body.setProperty("errors", exception.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::field).toList());
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        ProblemDetail body = ProblemBodies.detail(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "The request has invalid values");
        body.setProperty("errors", exception.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> Map.of("field", r.getMethodParameter().getParameterName(),
                                "message", String.valueOf(e.getDefaultMessage()))))
                .toList());
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ResponseEntity<Object> refusal = BodyRefusals.of(exception);
        if (refusal != null) {
            return refusal;
        }
        ProblemDetail body = ProblemBodies.detail(HttpStatus.BAD_REQUEST, "MALFORMED_BODY",
                "The request body is not valid JSON of the expected shape");
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        // Spring's own client errors (unsupported media type, wrong method, missing parameter, ...) keep
        // their status and get a code like ours.
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(status, SpringClientErrors.detail(exception));
        String code = problem.getProperties() != null && problem.getProperties().get("code") instanceof String given
                ? given : ProblemBodies.codeFor(status.value());
        problem.setProperty("code", code);
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(ProblemBodies.type(code));
        }
        if (status.is5xxServerError()) {
            log.error("Request failed", exception);
        }
        return ResponseEntity.status(status).headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException exception,
                                               HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT",
                "Parameter '" + exception.getName() + "' has the wrong type", request);
        response.getBody().setProperty("errors", List.of(Map.of("field", exception.getName(),
                "message", "has the wrong type")));
        return response;
    }

    /**
     * An aggregate that is not in the log answers exactly like the domain's own refusal for its kind,
     * so an unknown id cannot be told apart from one that belongs to another organization.
     */
    private static ResponseEntity<ProblemDetail> missingAggregate(String id, HttpServletRequest request) {
        return IdKind.of(id).map(kind -> domain(kind.notFound(id), request))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource", request));
    }

    /** The parameter or property a violation is about, without the method or bean it sits in. */
    private static String leaf(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name != null ? name : path.toString();
    }

    private static ResponseEntity<ProblemDetail> domain(DomainException refusal, HttpServletRequest request) {
        HttpStatus status = DomainRefusals.status(refusal);
        ResponseEntity<ProblemDetail> response = problem(status, refusal.code().name(), refusal.getMessage(), request);
        refusal.properties().forEach(response.getBody()::setProperty);
        HttpHeaders headers = DomainRefusals.headers(refusal, status);
        return headers.isEmpty() ? response : ResponseEntity.status(status).headers(headers)
                .contentType(response.getHeaders().getContentType()).body(response.getBody());
    }

    private ResponseEntity<ProblemDetail> internal(Throwable exception, HttpServletRequest request) {
        if (unstorableText(exception)) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT",
                    "The request contains text that cannot be stored (a NUL or invalid character)", request);
        }
        log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), exception);
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "The request failed on our side; quote the correlation id when reporting it", request);
        RequestContext context = RequestContext.current();
        String correlationId = context != null ? context.correlationId() : MDC.get("correlationId");
        if (correlationId != null) {
            response.getBody().setProperty("correlationId", correlationId);
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail,
                                                         HttpServletRequest request) {
        ProblemDetail body = ProblemBodies.detail(status, code, detail);
        body.setInstance(URI.create(request.getRequestURI()));
        log.debug("{} {} answered {} {}", request.getMethod(), request.getRequestURI(), status.value(), code);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static Map<String, Object> field(FieldError error) {
        Map<String, Object> field = new LinkedHashMap<>(Map.of("field", error.getField()));
        field.put("message", error.getDefaultMessage());
        return field;
    }

    /** PostgreSQL refused a character of the client's text (NUL in text or jsonb, invalid encoding). */
    private static boolean unstorableText(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && ("22P05".equals(sql.getSQLState()) || "22021".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof CommandExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
