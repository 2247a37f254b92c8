/**
 * Access control on the command side: the Role, AccessRequest and PermissionCatalogue aggregates, the handlers that guard role names, assignments, requests and deletion across aggregates, and the seeder of the catalogue and default roles.
 */
package dev.warden.command.access;
