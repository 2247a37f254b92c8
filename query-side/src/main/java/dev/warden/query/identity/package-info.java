/**
 * Identity read models: users, linked accounts, sessions, organizations, members and API keys; the
 * caller's own view of them ({@code /api/me}); and {@link dev.warden.query.identity.PrincipalLookup},
 * what the security layer asks about a token, a key or a member's permissions. Token and secret
 * hashes are written here but never shown.
 */
package dev.warden.query.identity;
