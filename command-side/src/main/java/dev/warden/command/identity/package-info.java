/**
 * Identity on the command side: the User and Organization aggregates (an organization holds its members and their role assignments) and the handler that keeps emails unique.
 */
package dev.warden.command.identity;
