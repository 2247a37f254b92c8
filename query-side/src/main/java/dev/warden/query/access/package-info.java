/**
 * Access read models: the permission catalogue, roles with their permissions, who holds which role,
 * and access requests (tables permissions, roles, role_permissions, user_roles, access_requests);
 * and what a user holds in an organization, for authentication
 * ({@link dev.warden.query.access.AccessHeldPermissions}).
 */
package dev.warden.query.access;
