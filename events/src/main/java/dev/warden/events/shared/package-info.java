/**
 * What every context shares: identifier kinds, error codes and the domain exception that carries
 * them, and the marker for organization-scoped commands.
 */
package dev.warden.events.shared;
