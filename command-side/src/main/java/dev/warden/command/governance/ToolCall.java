package dev.warden.command.governance;

import dev.warden.events.governance.SealedArguments;

/** A call an agent session decides: its checked tool name and arguments, and the arguments sealed for the log. */
record ToolCall(String decisionId, String toolName, CallArguments arguments, SealedArguments sealed) {
}
