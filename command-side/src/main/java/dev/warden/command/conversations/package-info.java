/**
 * AI chat: the Conversation aggregate holds a conversation's title, whether it is archived, how many
 * messages it has, and the tool calls its assistant proposed with their decisions. Messages themselves
 * live only in the log and the read model; the aggregate keeps what its rules need.
 */
package dev.warden.command.conversations;
