/**
 * Access control on the command side: the Role and PermissionCatalogue aggregates, the handlers that guard role names, assignments and deletion across aggregates, and the seeder of the catalogue and default roles.
 */
package dev.warden.command.access;
