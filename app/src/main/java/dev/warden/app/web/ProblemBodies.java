package dev.warden.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shape of Warden's problem+json bodies, for the advice and for filters that answer before
 * Spring MVC (body size, metrics token): one rule for the {@code type} URI of a code, and one way
 * to write a body straight to a response.
 */
public final class ProblemBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemBodies() {
    }

    /** The {@code type} of a problem with {@code code}, e.g. {@code .../problems/role-not-found}. */
    public static URI type(String code) {
        return URI.create("https://warden.dev/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** Answers {@code response} with a problem body. */
    public static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        write(response, status, code, detail, Map.of());
    }

    /** Answers {@code response} with a problem body that has {@code extra} members too (e.g. {@code errors}). */
    public static void write(HttpServletResponse response, HttpStatus status, String code, String detail,
                             Map<String, Object> extra) throws IOException {
        prepare(response, status);
        response.getWriter().write(json(status, code, detail, extra));
    }

    /** A problem body for Spring MVC to write. */
    public static ProblemDetail detail(HttpStatus status, String code, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type(code));
        body.setTitle(status.getReasonPhrase());
        body.setProperty("code", code);
        return body;
    }

    /** Sets the status and the problem+json content type of {@code response}. */
    static void prepare(HttpServletResponse response, HttpStatus status) {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }

    /** A problem body as JSON text. */
    static String json(HttpStatus status, String code, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(code).toString());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("code", code);
        body.put("detail", detail);
        body.putAll(extra);
        return JSON.writeValueAsString(body);
    }

    /** The code of an error known only by its status, e.g. {@code METHOD_NOT_ALLOWED} (500: {@code INTERNAL_ERROR}). */
    static String codeFor(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "HTTP_" + status
                : known == HttpStatus.INTERNAL_SERVER_ERROR ? "INTERNAL_ERROR" : known.name();
    }
}
