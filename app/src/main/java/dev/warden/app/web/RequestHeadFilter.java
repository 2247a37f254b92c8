package dev.warden.app.web;

import dev.warden.events.shared.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses what is wrong with the head of a request before anything reads it: a query string that is
 * not percent-encoded UTF-8 (400 {@code INVALID_QUERY}, on every path, parameters the endpoint does
 * not know included), and a {@code Content-Type} that is not one media type or names a charset other
 * than UTF-8 (415). Spring and Tomcat would fail on these later, as a server error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestHeadFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String badParameter = firstUndecodable(request.getQueryString());
        if (badParameter != null) {
            String detail = "Query parameter '" + badParameter + "' is not percent-encoded UTF-8";
            ProblemBodies.write(response, HttpStatus.BAD_REQUEST, "INVALID_QUERY", detail,
                    Map.of("errors", List.of(Map.of("field", badParameter, "message", detail))));
            return;
        }
        String mediaTypeProblem = mediaTypeProblem(request.getContentType());
        if (mediaTypeProblem != null) {
            ProblemBodies.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    mediaTypeProblem + "; send Content-Type: application/json");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The name (as an excerpt) of the first parameter whose name or value does not decode, or {@code null}. */
    static String firstUndecodable(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String decodedName = decode(name);
            if (decodedName == null || (equals >= 0 && decode(pair.substring(equals + 1)) == null)) {
                return decodedName == null ? Text.excerpt(name) : Text.excerpt(decodedName);
            }
        }
        return null;
    }

    /** {@code encoded} with {@code +} and {@code %XX} decoded as UTF-8, or {@code null} when that fails. */
    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** What is wrong with a {@code Content-Type}, or {@code null} when it is absent or fine. */
    private static String mediaTypeProblem(String contentType) {
        if (contentType == null) {
            return null;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return "The Content-Type is not a media type";
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return "A Content-Type names one media type, without wildcards";
        }
        try {
            return type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()) ? null
                    : "Request bodies are UTF-8";
        } catch (IllegalArgumentException e) {
            return "The Content-Type names an unknown charset";
        }
    }
}
