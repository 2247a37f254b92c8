/**
 * What every context shares: identifier kinds, error codes and the domain exception that carries
 * them, the marker for organization-scoped commands, and the one rule set for text that comes from
 * clients ({@link dev.warden.events.shared.TextRule}, {@link dev.warden.events.shared.Text}).
 */
package dev.warden.events.shared;
