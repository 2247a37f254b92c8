package dev.warden.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.WardenTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The permission matrix is generated from the rules declared on the endpoints, so neither the
 * README's table nor {@code GET /api/access-rules} can drift from what the service enforces. Run
 * with {@code -Dwarden.readme.update=true} to rewrite the README's table after changing a rule.
 */
@WardenTest
class PermissionMatrixIT {

    private static final String START = "<!-- permission-matrix: generated from the endpoints by PermissionMatrixIT -->\n";
    private static final String END = "<!-- /permission-matrix -->";

    @LocalServerPort
    int port;

    @Autowired
    PermissionMatrix matrix;

    @Autowired
    AccessRules rules;

    @Test
    void theReadmeTableIsTheOneTheEndpointsDeclare() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("the README marks its permission matrix").isNotNegative();
        String generated = matrix.markdown();
        String written = text.substring(start + START.length(), end);
        if (!written.equals(generated) && Boolean.getBoolean("warden.readme.update")) {
            Files.writeString(readme, text.substring(0, start + START.length()) + generated + text.substring(end),
                    StandardCharsets.UTF_8);
            written = generated;
        }
        assertThat(written).as("README permission matrix (rerun with -Dwarden.readme.update=true)")
                .isEqualTo(generated);
    }

    @Test
    void theMatrixIsServedToSignedInUsers() {
        Api admin = Api.admin(port);
        Api.Response served = admin.get("/api/access-rules");
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        served.json().forEach(entries::add);
        assertThat(entries).hasSize(rules.all().size());
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("method").asString()).isEqualTo("PUT");
            assertThat(e.get("path").asString()).isEqualTo("/api/orgs/{orgId}/roles/{roleId}/permissions/{permission}");
            assertThat(e.get("permission").asString()).isEqualTo("roles:write");
            assertThat(Fixtures.strings(e.get("defaultRoles"))).containsExactly("Admin");
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("path").asString()).isEqualTo("/api/users/{userId}/deactivate");
            assertThat(e.get("requires").asString()).isEqualTo("an operator");
        });
        assertThat(admin.anonymous().get("/api/access-rules").status()).isEqualTo(401);
    }
}
