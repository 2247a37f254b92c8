package dev.warden.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import java.util.Map;

/**
 * Tickets and modules for the tests that call every endpoint: one ticket and one module (version
 * {@value #VERSION}) in an organization, the path placeholders that name them, and valid bodies.
 */
final class TicketAndModuleFixtures {

    /** The version each fixture module has. */
    static final String VERSION = "1.0.0";

    private TicketAndModuleFixtures() {
    }

    /** Opens a ticket and publishes a module in {@code orgId}; answers {@code {ticketId}}, {@code {moduleId}}, {@code {version}}. */
    static Map<String, String> create(Api api, String orgId) {
        Api.Response ticket = api.post("/api/orgs/" + orgId + "/tickets", Json.object("title", "Fixture ticket"));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        Api.Response module = api.post("/api/orgs/" + orgId + "/modules", publication("fixture", VERSION));
        assertThat(module.status()).as(module.body()).isEqualTo(201);
        return Map.of("{ticketId}", ticket.id(), "{moduleId}", module.id(), "{version}", VERSION);
    }

    /** {@code path} with the placeholders of {@link #create} replaced. */
    static String path(String path, Map<String, String> placeholders) {
        String replaced = path;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            replaced = replaced.replace(placeholder.getKey(), placeholder.getValue());
        }
        return replaced;
    }

    /** A valid body for a ticket or module endpoint, {@code null} for any other; {@code memberId} is assigned. */
    static Map<String, Object> body(String endpoint, String word, String memberId) {
        return switch (endpoint) {
            case "POST /api/orgs/{orgId}/tickets" -> Json.object("title", word + " " + Fixtures.unique());
            case "PUT /api/orgs/{orgId}/tickets/{ticketId}/assignee" -> Json.object("userId", memberId);
            case "POST /api/orgs/{orgId}/tickets/{ticketId}/comments" -> Json.object("body", word);
            case "PUT /api/orgs/{orgId}/tickets/{ticketId}/status" -> Json.object("status", "in_progress");
            case "POST /api/orgs/{orgId}/modules" -> publication(word + "-" + Fixtures.unique(), "2.0.0");
            case "POST /api/orgs/{orgId}/modules/{moduleId}/versions/{version}/deprecate" ->
                    Json.object("reason", word);
            default -> null;
        };
    }

    private static Map<String, Object> publication(String name, String version) {
        return Json.object("namespace", "acme", "name", name, "provider", "aws", "version", version,
                "source", "./modules/" + name);
    }
}
