package dev.warden.app.infrastructure;

import static dev.warden.app.support.Fixtures.items;
import static dev.warden.app.support.Problems.assertInvalid;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The module registry through the API: publishing (new, again unchanged, conflicting), the module
 * and version lists in semantic-version order page by page, deprecation, and every refusal.
 */
@WardenTest
class ModuleRegistryApiIT {

    private static final String SOURCE = "git::https://example.com/acme/terraform-aws-vpc.git";

    @LocalServerPort
    int port;

    @Test
    void publishesAModuleVersionOnceAndRefusesToChangeIt() {
        Api api = Api.admin(port);
        String adminId = api.get("/api/me").json().get("id").asString();
        String orgId = Fixtures.organization(api).id();
        String modules = "/api/orgs/" + orgId + "/modules";

        Api.Response published = api.post(modules, publication("Acme", "vpc", "1.0.0+build.1", SOURCE));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String moduleId = published.id();
        assertThat(moduleId).startsWith("mod_");
        assertThat(published.header("Location")).isEqualTo(modules + "/" + moduleId + "/versions/1.0.0+build.1");
        JsonNode version = api.get(published.header("Location") + "?minPosition=" + published.position()).json();
        assertThat(version.get("version").asString()).isEqualTo("1.0.0+build.1");
        assertThat(version.get("source").asString()).isEqualTo(SOURCE);
        assertThat(version.get("status").asString()).isEqualTo("published");
        assertThat(version.get("publishedBy").asString()).isEqualTo(adminId);
        assertThat(api.get(modules + "/" + moduleId + "/versions/1.0.0").json().get("version").asString())
                .as("found by precedence").isEqualTo("1.0.0+build.1");

        Api.Response again = api.post(modules, publication("Acme", "vpc", "1.0.0+build.1", SOURCE));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.id()).isEqualTo(moduleId);
        assertThat(again.json().has("position")).as("nothing stored").isFalse();

        assertProblem(api.post(modules, publication("Acme", "vpc", "1.0.0+build.1", SOURCE + "?ref=v2")), 409,
                "MODULE_VERSION_EXISTS");
        assertProblem(api.post(modules, publication("Acme", "vpc", "1.0.0+build.2", SOURCE)), 409,
                "MODULE_VERSION_EXISTS");
        assertProblem(api.post(modules, publication("Acme", "vpc", "1.0.0", SOURCE)), 409, "MODULE_VERSION_EXISTS");

        Api.Response next = api.post(modules, publication("ACME", "VPC", "1.1.0", SOURCE));
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.id()).as("coordinates ignore case").isEqualTo(moduleId);
        Api.Response other = api.post(modules, publication("Acme", "dns", "0.1.0", "./modules/dns"));
        assertThat(other.id()).isNotEqualTo(moduleId);

        List<JsonNode> listed = items(api.get(modules + "?minPosition=" + other.position()));
        assertThat(listed).extracting(m -> m.get("name").asString()).containsExactly("dns", "vpc");
        JsonNode vpc = listed.get(1);
        assertThat(vpc.get("namespace").asString()).isEqualTo("Acme");
        assertThat(vpc.get("latestVersion").asString()).isEqualTo("1.1.0");
        assertThat(vpc.get("versionCount").asInt()).isEqualTo(2);
        assertThat(api.get(modules + "/" + moduleId).json().get("provider").asString()).isEqualTo("aws");

        List<String> audited = new ArrayList<>();
        items(api.get("/api/orgs/" + orgId + "/audit?entity=" + moduleId)).forEach(e -> {
            audited.add(e.get("eventType").asString());
            assertThat(e.get("actorId").asString()).isEqualTo(adminId);
        });
        assertThat(audited).containsExactly("ModuleVersionPublishedEvent", "ModuleVersionPublishedEvent");
    }

    @Test
    void versionsAreListedNewestFirstBySemanticVersionPageByPage() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String modules = "/api/orgs/" + orgId + "/modules";
        List<String> newestFirst = List.of("2.0.0", "1.10.0", "1.10.0-rc.2", "1.10.0-rc.1.1", "1.10.0-rc.1",
                "1.10.0-beta.11", "1.10.0-beta.2", "1.10.0-alpha", "1.10.0-9", "1.9.0+build.5", "1.2.0",
                "1.0.0-rc.1+exp.sha.5114f85");
        List<String> shuffled = new ArrayList<>(newestFirst);
        Collections.shuffle(shuffled, new Random(7));
        String moduleId = null;
        long last = 0;
        for (String version : shuffled) {
            Api.Response published = api.post(modules, publication("acme", "net", version, SOURCE));
            assertThat(published.status()).as(published.body()).isEqualTo(201);
            moduleId = published.id();
            last = published.position();
        }

        List<String> read = new ArrayList<>();
        String path = modules + "/" + moduleId + "/versions?limit=5&minPosition=" + last;
        while (path != null) {
            Api.Response page = api.get(path);
            items(page).forEach(v -> read.add(v.get("version").asString()));
            String cursor = page.json().get("nextCursor").asString(null);
            path = cursor == null ? null : modules + "/" + moduleId + "/versions?limit=5&cursor=" + cursor;
        }
        assertThat(read).isEqualTo(newestFirst);
        assertThat(api.get(modules + "/" + moduleId).json().get("latestVersion").asString()).isEqualTo("2.0.0");
        assertInvalid(api.get(modules + "/" + moduleId + "/versions?cursor=bm90LWEtdmVyc2lvbg"), "INVALID_QUERY",
                "cursor");
    }

    @Test
    void deprecatesAVersionOnce() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String modules = "/api/orgs/" + orgId + "/modules";
        String moduleId = api.post(modules, publication("acme", "vpc", "1.0.0-rc.1+b.3", SOURCE)).id();
        String deprecate = modules + "/" + moduleId + "/versions/1.0.0-rc.1/deprecate";

        Api.Response deprecated = api.post(deprecate, Json.object("reason", "Opens port 22 to the world"));
        assertThat(deprecated.status()).as(deprecated.body()).isEqualTo(200);
        JsonNode version = api.get(modules + "/" + moduleId + "/versions/1.0.0-rc.1+b.3?minPosition="
                + deprecated.position()).json();
        assertThat(version.get("status").asString()).isEqualTo("deprecated");
        assertThat(version.get("deprecationReason").asString()).isEqualTo("Opens port 22 to the world");
        assertThat(version.get("deprecatedAt").isNull()).isFalse();

        assertProblem(api.post(deprecate, Json.object("reason", "Again")), 409, "MODULE_VERSION_DEPRECATED");
        assertInvalid(api.post(deprecate, Json.object("reason", " ")), "INVALID_INPUT", "reason");
        assertProblem(api.post(modules + "/" + moduleId + "/versions/9.9.9/deprecate", Json.object("reason", "x")),
                404, "MODULE_VERSION_NOT_FOUND");
        assertProblem(api.post(modules + "/" + moduleId + "/versions/latest/deprecate", Json.object("reason", "x")),
                404, "MODULE_VERSION_NOT_FOUND");
        assertProblem(api.post(modules + "/" + IdKind.MODULE.next() + "/versions/1.0.0-rc.1/deprecate",
                Json.object("reason", "x")), 404, "MODULE_NOT_FOUND");
    }

    @Test
    void refusesBadPublicationsNamingTheFieldAndStoresNothing() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String modules = "/api/orgs/" + org.id() + "/modules";

        for (String version : List.of("1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "latest", "1.0.0 ")) {
            assertInvalid(api.post(modules, publication("acme", "vpc", version, SOURCE)), "INVALID_INPUT", "version");
        }
        assertInvalid(api.post(modules, publication("acme", "vpc", "1.0.0-" + "a".repeat(123), SOURCE)),
                "INVALID_INPUT", "version");
        Map<String, Object> missing = publication("acme", "vpc", "1.0.0", SOURCE);
        missing.remove("source");
        missing.remove("namespace");
        assertInvalid(api.post(modules, missing), "INVALID_INPUT", "source", "namespace");
        assertProblem(api.post(modules, publication("-acme", "vpc", "1.0.0", SOURCE)), 400,
                "INVALID_MODULE_NAMESPACE");
        assertProblem(api.post(modules, publication("acme", "v pc", "1.0.0", SOURCE)), 400, "INVALID_MODULE_NAME");
        Map<String, Object> upper = publication("acme", "vpc", "1.0.0", SOURCE);
        upper.put("provider", "AWS");
        assertProblem(api.post(modules, upper), 400, "INVALID_MODULE_PROVIDER");
        assertProblem(api.post(modules, publication("acme", "vpc", "1.0.0", "./my module")), 400,
                "INVALID_MODULE_SOURCE");
        Api.Response secret = api.post(modules, publication("acme", "vpc", "1.0.0",
                "https://deployer:hunter2-secret@example.com/vpc.zip"));
        assertProblem(secret, 400, "INVALID_MODULE_SOURCE");
        assertThat(secret.body()).doesNotContain("hunter2");

        String unknown = modules + "/" + IdKind.MODULE.next();
        assertProblem(api.get(unknown), 404, "MODULE_NOT_FOUND");
        assertProblem(api.get(unknown + "/versions"), 404, "MODULE_NOT_FOUND");
        assertProblem(api.get(unknown + "/versions/1.0.0"), 404, "MODULE_NOT_FOUND");
        assertProblem(api.get(modules + "/nope/versions/1.0.0"), 404, "MODULE_NOT_FOUND");

        assertThat(Fixtures.newestAuditPosition(api, org.id(), org.position()))
                .as("nothing stored for a refused command").isEqualTo(org.position());
        Api.Response published = api.post(modules, publication("acme", "vpc", "1.0.0", SOURCE));
        assertThat(published.status()).as("the refusals claimed nothing").isEqualTo(201);
        assertProblem(api.get(modules + "/" + published.id() + "/versions/2.0.0?minPosition=" + published.position()),
                404, "MODULE_VERSION_NOT_FOUND");
        assertProblem(api.get(modules + "/" + published.id() + "/versions/latest"), 404, "MODULE_VERSION_NOT_FOUND");
    }

    private static Map<String, Object> publication(String namespace, String name, String version, String source) {
        return Json.object("namespace", namespace, "name", name, "provider", "aws", "version", version,
                "source", source, "description", "A " + name.toLowerCase(java.util.Locale.ROOT));
    }
}
