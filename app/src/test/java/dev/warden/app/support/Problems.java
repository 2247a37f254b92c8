package dev.warden.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Assertions on RFC 9457 problem responses. */
public final class Problems {

    private Problems() {
    }

    /** Asserts that {@code response} is a problem+json body with this status and {@code code}. */
    public static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.body()).isEqualTo(code);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
    }

    /** Asserts a 400 problem with {@code code} whose {@code errors} name exactly {@code fields}. */
    public static void assertInvalid(Api.Response response, String code, String... fields) {
        assertProblem(response, 400, code);
        assertThat(errorFields(response)).as(response.body()).containsExactlyInAnyOrder(fields);
    }

    /** The {@code field} of each entry of the problem's {@code errors}. */
    public static List<String> errorFields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
