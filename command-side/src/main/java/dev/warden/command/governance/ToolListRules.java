package dev.warden.command.governance;

import static dev.warden.events.governance.GovernanceErrorCode.INVALID_TOOL_LIST;

import dev.warden.events.governance.ToolDefinition;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a tool list a server presents: at most {@value #MAX_TOOLS} tools, each named once, a
 * name and description people can read (no control, bidirectional or zero-width characters: hidden
 * text in a description is how a tool smuggles instructions to an agent), and a hash as
 * {@link ToolDefinitionHash} writes it. A refusal names the tool.
 */
final class ToolListRules {

    static final int MAX_TOOLS = 500;
    static final int MAX_NAME_LENGTH = 128;
    static final int MAX_DESCRIPTION_LENGTH = 8000;
    private static final TextRule NAME = TextRule.line(INVALID_TOOL_LIST, "A tool name", MAX_NAME_LENGTH);
    private static final Pattern HASH = Pattern.compile(Pattern.quote(ToolDefinitionHash.PREFIX) + "[0-9a-f]{64}");

    private ToolListRules() {
    }

    /** The tools checked, names and descriptions stripped, in the order presented. */
    static List<ToolDefinition> checked(List<ToolDefinition> tools) {
        if (tools == null) {
            throw new DomainException(INVALID_TOOL_LIST, "A tool list is required (it may be empty)");
        }
        if (tools.size() > MAX_TOOLS) {
            throw new DomainException(INVALID_TOOL_LIST, "A server presents at most " + MAX_TOOLS + " tools");
        }
        Set<String> names = new HashSet<>();
        List<ToolDefinition> checked = new ArrayList<>(tools.size());
        for (ToolDefinition tool : tools) {
            if (tool == null) {
                throw new DomainException(INVALID_TOOL_LIST, "A tool list holds no null entries");
            }
            String name = NAME.check(tool.name());
            if (!names.add(name)) {
                throw new DomainException(INVALID_TOOL_LIST, "The tool '" + Text.excerpt(name) + "' is listed twice");
            }
            String description = TextRule.paragraph(INVALID_TOOL_LIST, "The description of the tool '"
                    + Text.excerpt(name) + "'", MAX_DESCRIPTION_LENGTH).check(tool.description());
            checked.add(new ToolDefinition(name, description, hash(name, tool.definitionHash())));
        }
        return checked;
    }

    /** A definition hash as the client gave it, which must look like one {@link ToolDefinitionHash} writes. */
    private static String hash(String toolName, String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new DomainException(INVALID_TOOL_LIST, "The definition hash of the tool '" + Text.excerpt(toolName)
                    + "' is not sha256: followed by 64 lower-case hex digits");
        }
        return hash;
    }
}
