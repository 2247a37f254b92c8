/**
 * Identity on the command side: the User, Organization, Session, ApiKey and Invitation aggregates (an organization holds its members and their role assignments), and one small handler per concern for the commands that need more than one aggregate, a set-wide rule (unique emails and external accounts) or secrets kept outside the log.
 */
package dev.warden.command.identity;
