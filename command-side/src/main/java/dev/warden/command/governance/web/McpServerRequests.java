package dev.warden.command.governance.web;

import dev.warden.command.governance.ToolDefinitionHash;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.ToolDefinition;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Bodies of the MCP server endpoints. Bean validation catches the shape (presence, length); the
 * domain checks the rest (transport and address, characters, label keys, the credential).
 */
final class McpServerRequests {

    private McpServerRequests() {
    }

    /** A registration, or the whole of an update. */
    record Registration(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 20) String transport,
                        @Size(max = 2000) String url, @Size(max = 1000) String command,
                        @Size(max = 100) String credentialId,
                        @Size(max = 50) Map<@NotNull @Size(max = 63) String, @NotNull @Size(max = 255) String> labels) {
    }

    record Suspension(@Size(max = 500) String reason) {
    }

    /** The tools a server presents, as {@code tools/list} answers them. */
    record ToolList(@NotNull @Size(max = 500) List<@NotNull @Valid Tool> tools) {

        /** The tools with the hash of each definition. */
        List<ToolDefinition> definitions() {
            return tools.stream().map(Tool::definition).toList();
        }
    }

    /** One tool; {@code inputSchema} is the JSON Schema object of its arguments. */
    record Tool(@NotBlank @Size(max = 128) String name, @Size(max = 8000) String description,
                @NotNull JsonNode inputSchema) {

        ToolDefinition definition() {
            if (!inputSchema.isObject()) {
                throw new DomainException(GovernanceErrorCode.INVALID_TOOL_LIST, "The inputSchema of the tool '"
                        + Text.excerpt(name) + "' is not a JSON object");
            }
            return new ToolDefinition(name, description, ToolDefinitionHash.of(name, description, inputSchema));
        }
    }

    record Approval(@NotNull @Pattern(regexp = "sha256:[0-9a-f]{64}",
            message = "must be sha256: followed by 64 lower-case hex digits") String definitionHash) {
    }
}
