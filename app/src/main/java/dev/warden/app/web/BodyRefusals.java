package dev.warden.app.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Bodies Spring reports as unreadable that have a more precise answer than {@code MALFORMED_BODY}:
 * one larger than the limit (413), a string with a lone surrogate (400 naming the field), and a body
 * that is not plain UTF-8 (400 saying so).
 */
final class BodyRefusals {

    private BodyRefusals() {
    }

    /** The answer to {@code exception}, or {@code null} when it is a plain malformed body. */
    static ResponseEntity<Object> of(HttpMessageNotReadableException exception) {
        if (exception instanceof Utf8Bodies.NotUtf8) {
            return answer(ProblemBodies.detail(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", exception.getMessage()));
        }
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.TooLarge tooLarge) {
                // The rest of the body stays unread: the connection closes after this answer.
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemBodies.detail(
                                HttpStatus.CONTENT_TOO_LARGE, BodySizeLimitFilter.TooLarge.CODE, tooLarge.getMessage()));
            }
            if (t instanceof WellFormedStrings.LoneSurrogate lone) {
                ProblemDetail body = ProblemBodies.detail(HttpStatus.BAD_REQUEST, "INVALID_INPUT",
                        "The request body has invalid fields");
                body.setProperty("errors", List.of(Map.of("field", lone.field(), "message",
                        "has a lone surrogate (half of a UTF-16 surrogate pair), which is not text")));
                return answer(body);
            }
        }
        return null;
    }

    private static ResponseEntity<Object> answer(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
