/**
 * What command handling needs besides aggregates: the request context that becomes event metadata, the log position of the last append, set-wide uniqueness claims, advisory locks, and commands sent when their time comes (expiries). Also the interfaces through which a context serves the plumbing: seeding ({@link dev.warden.command.support.Seeder}), checks of its settings before a start ({@link dev.warden.command.support.StartupCheck}) and recording a refusal ({@link dev.warden.command.support.PermissionDenials}).
 */
package dev.warden.command.support;
