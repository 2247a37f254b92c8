package dev.warden.command.conversations.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Bodies of the conversation endpoints. Content, roles, models and token counts are checked by the conversation. */
final class ConversationBodies {

    private ConversationBodies() {
    }

    record Start(@NotBlank @Size(max = 200) String title, @Size(max = 64) String projectId,
                 @Size(max = 64) String workspaceId) {
    }

    record Rename(@NotBlank @Size(max = 200) String title) {
    }

    record Message(String role, String content, String model, Long inputTokens, Long outputTokens,
                   Long cachedTokens, @Valid ToolCall toolCall) {
    }

    /** A tool call proposed by an assistant message: the tool and its arguments, a JSON object. */
    record ToolCall(@NotBlank @Size(max = 128) String name, Map<String, Object> arguments) {
    }

    record Decision(@Size(max = 1000) String reason) {
    }

    /** What posting a message answers: its id, the log position, and the id of the tool call it proposed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Posted(String id, Long position, String toolCallId) {
    }
}
