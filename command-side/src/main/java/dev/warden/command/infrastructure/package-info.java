/**
 * Infrastructure on the command side: projects and their Terraform workspaces (settings, variables,
 * locks, the runs recorded on them and their drift checks), tickets and the module registry, with
 * the handlers that keep names unique and check a workspace's project.
 */
package dev.warden.command.infrastructure;
