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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(code).toString());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("code", code);
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
