/**
 * The credentials context's command side: credential types (seeded system types and an
 * organization's own), credentials stored, rotated, revoked, destroyed and revealed. Secret values are
 * encrypted here, under the credential's own data key ({@link dev.warden.keys.DataKeys}), before any
 * event holds them; destroying a credential shreds that key in the command's transaction.
 */
package dev.warden.command.credentials;
