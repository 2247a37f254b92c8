/**
 * Access control on the command side: the Role, AccessRequest and PermissionCatalogue aggregates, the handlers that guard role names, assignments, requests and deletion across aggregates, the seeder of the catalogue and default roles, and the recorder of refusals for lack of permission.
 */
package dev.warden.command.access;
