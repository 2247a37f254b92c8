/**
 * Envelope encryption for secrets that must be read back: a data key per subject ({@link dev.warden.keys.DataKeys}),
 * wrapped by the master key ({@link dev.warden.keys.MasterKey}) in the {@code data_keys} table outside the
 * event log, destroyed to shred a subject's data, and re-wrapped under a new master key
 * ({@link dev.warden.keys.MasterKeyRotation}). See ADR 0011.
 */
package dev.warden.keys;
