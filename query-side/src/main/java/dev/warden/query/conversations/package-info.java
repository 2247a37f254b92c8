/**
 * Conversations read models: conversations with their token totals, their messages in order, the
 * tool calls assistants proposed with their decisions, and each organization's token usage per model
 * (tables conversations, messages, tool_calls, conversation_token_totals).
 */
package dev.warden.query.conversations;
