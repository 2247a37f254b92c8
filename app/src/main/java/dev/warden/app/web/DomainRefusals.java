package dev.warden.app.web;

import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.ThrottledException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** How a domain refusal is answered: the status of its kind, and the headers that kind needs. */
final class DomainRefusals {

    private DomainRefusals() {
    }

    static HttpStatus status(DomainException refusal) {
        return switch (refusal.code().kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE_BROKEN -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            case GONE -> HttpStatus.GONE;
        };
    }

    /** {@code WWW-Authenticate} on a 401, {@code Retry-After} (whole seconds, at least 1) on a throttle. */
    static HttpHeaders headers(DomainException refusal, HttpStatus status) {
        HttpHeaders headers = new HttpHeaders();
        if (status == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (refusal instanceof ThrottledException throttled) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000)));
        }
        return headers;
    }
}
