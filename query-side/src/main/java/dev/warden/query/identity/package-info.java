/**
 * Identity read models: users, linked accounts, sessions, organizations, members and API keys; the
 * caller's own view of them ({@code /api/me}); and {@link dev.warden.query.identity.PrincipalLookup},
 * the security layer's {@link dev.warden.query.support.CallerLookup}: who a token or a key speaks
 * for, and a member's permissions (from access, through
 * {@link dev.warden.query.support.HeldPermissions}). Token and secret hashes are written here but
 * never shown.
 */
package dev.warden.query.identity;
