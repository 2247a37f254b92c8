/**
 * The governance context's read side: MCP servers with their pinned and held tools, policies with every
 * version of their rules and the organization's default effect, agent sessions with their counters, every
 * decision (arguments only as ciphertext) and approvals; and the dry run, which replays a proposed policy
 * against the decisions recorded in a time range and changes nothing.
 */
package dev.warden.query.governance;
