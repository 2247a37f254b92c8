/**
 * Infrastructure: projects of an organization, their Terraform workspaces with settings, variables
 * and locks, the runs runners record on them and the drift checks that compare them with the real
 * infrastructure, tickets about that work, and the organization's private module registry.
 */
package dev.warden.events.infrastructure;
