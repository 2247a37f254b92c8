/**
 * Access read models: the permission catalogue, roles with their permissions, and who holds which role (tables permissions, roles, role_permissions, user_roles).
 */
package dev.warden.query.access;
