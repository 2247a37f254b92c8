package dev.warden.events.governance;

/**
 * A tool as a server presents it: its name, a short description and the hash of its canonical
 * definition (name, description and input schema; see the command side's {@code ToolDefinitionHash}).
 */
public record ToolDefinition(String name,
                             String description,
                             String definitionHash) {
}
