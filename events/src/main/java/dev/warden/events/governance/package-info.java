/**
 * Governance of AI agents: the MCP servers of an organization with their pinned tools, policies of
 * ordered rules, agent sessions whose every tool call is decided and recorded, and approvals of the
 * calls a rule holds for a member. The rule language and its evaluation ({@link
 * dev.warden.events.governance.PolicySet}) live here, as plain Java, because both sides evaluate it: the
 * command side to decide, the query side to replay a proposed policy against recorded decisions.
 */
package dev.warden.events.governance;
