/**
 * Access control: the permission catalogue, system and custom roles with their permissions, and
 * which member holds which role in an organization.
 */
package dev.warden.events.access;
