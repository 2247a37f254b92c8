package dev.warden.events.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PermissionsTest {

    private static final Set<String> CATALOGUE_NAMES = Permissions.CATALOGUE.stream()
            .map(PermissionDefinition::name).collect(Collectors.toSet());

    private static Permissions.DefaultRole role(String name) {
        return Permissions.DEFAULT_ROLES.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    static List<Permissions.DefaultRole> defaultRoles() {
        return Permissions.DEFAULT_ROLES;
    }

    @Test
    void catalogueNamesAreResourceColonAction() {
        assertThat(Permissions.CATALOGUE).allSatisfy(definition -> {
            assertThat(definition.name()).matches("[a-z]+(-[a-z]+)*:[a-z]+");
            assertThat(definition.name()).isEqualTo(definition.resource() + ":" + definition.action());
            assertThat(definition.description()).isNotBlank();
        });
    }

    @Test
    void catalogueNamesAreUnique() {
        assertThat(CATALOGUE_NAMES).hasSize(Permissions.CATALOGUE.size());
    }

    @Test
    void catalogueHasTheSensitivePermissions() {
        assertThat(CATALOGUE_NAMES).contains("credentials:reveal", "audit:read", "admin:restore", "admin:replay",
                "roles:write");
    }

    @Test
    void knowsCataloguePermissionsOnly() {
        assertThat(CATALOGUE_NAMES).allMatch(Permissions::isKnown);
        assertThat(Permissions.isKnown("projects:destroy")).isFalse();
        assertThat(Permissions.isKnown("AUDIT:READ")).isFalse();
        assertThat(Permissions.isKnown("audit")).isFalse();
    }

    @Test
    void defaultRolesAreAdminManagerEditorViewer() {
        assertThat(Permissions.DEFAULT_ROLES).extracting(Permissions.DefaultRole::name)
                .containsExactly("Admin", "Manager", "Editor", "Viewer");
    }

    @Test
    void recognizesDefaultRoleNamesIgnoringCase() {
        assertThat(Permissions.isDefaultRoleName("admin")).isTrue();
        assertThat(Permissions.isDefaultRoleName("VIEWER")).isTrue();
        assertThat(Permissions.isDefaultRoleName(" Manager ")).isTrue();
        assertThat(Permissions.isDefaultRoleName("Deployers")).isFalse();
        assertThat(Permissions.isDefaultRoleName("Admins")).isFalse();
    }

    @Test
    void adminHasEveryPermission() {
        assertThat(role("Admin").permissions()).containsExactlyInAnyOrderElementsOf(CATALOGUE_NAMES);
    }

    @Test
    void viewerOnlyReadsAndRequestsAccessButNeverReadsAudit() {
        Set<String> viewer = role("Viewer").permissions();

        assertThat(viewer).doesNotContain("audit:read");
        assertThat(viewer).filteredOn(p -> !p.endsWith(":read")).containsExactly("access-requests:write");
        assertThat(viewer).contains("projects:read", "roles:read", "credentials:read");
    }

    @Test
    void managerHasNoAdministration() {
        assertThat(role("Manager").permissions())
                .doesNotContain("roles:write", "credentials:reveal", "admin:replay", "admin:restore")
                .contains("access-requests:approve", "audit:read");
    }

    @Test
    void editorCannotReadAuditOrRevealSecrets() {
        assertThat(role("Editor").permissions())
                .doesNotContain("audit:read", "credentials:reveal", "roles:write", "access-requests:approve")
                .contains("projects:write", "workspaces:write", "modules:publish");
    }

    @ParameterizedTest
    @MethodSource("defaultRoles")
    void defaultRoleHoldsCataloguePermissionsOnly(Permissions.DefaultRole role) {
        assertThat(role.permissions()).isNotEmpty().allMatch(CATALOGUE_NAMES::contains);
        assertThat(role.description()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("defaultRoles")
    void readmeStatesHowManyPermissionsEachDefaultRoleHolds(Permissions.DefaultRole role) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String roles = readme.substring(readme.indexOf("Admin holds"), readme.indexOf("Custom roles hold"));
        Matcher stated = Pattern.compile("\\b" + role.name() + "\\b[^;]*?\\((\\d+)\\)").matcher(roles);
        assertThat(stated.find()).as("the README's Security section states %s's number", role.name()).isTrue();
        assertThat(Integer.parseInt(stated.group(1))).as(role.name()).isEqualTo(role.permissions().size());
    }

    @Test
    void eachDefaultRoleHoldsWhatTheNextOneDoesAndMore() {
        List<Permissions.DefaultRole> roles = Permissions.DEFAULT_ROLES;
        for (int i = 1; i < roles.size(); i++) {
            assertThat(roles.get(i - 1).permissions()).as("%s over %s", roles.get(i - 1).name(), roles.get(i).name())
                    .containsAll(roles.get(i).permissions())
                    .hasSizeGreaterThan(roles.get(i).permissions().size());
        }
    }
}
