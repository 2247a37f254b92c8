/**
 * What every context shares: identifier kinds, error codes and the domain exception that carries
 * them, the marker for organization-scoped commands, the one rule set for text that comes from
 * clients ({@link dev.warden.events.shared.TextRule}, {@link dev.warden.events.shared.Text}), the
 * access declarations of endpoints and the permissions they are checked against
 * ({@link dev.warden.events.shared.KnownPermissions}), and the marker of what every process needs
 * ({@link dev.warden.events.shared.EveryRole}). It names no context.
 */
package dev.warden.events.shared;
