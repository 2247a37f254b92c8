/**
 * Identity on the command side: the User, Organization, Session, ApiKey and Invitation aggregates (an organization holds its members and their role assignments), and one small handler per concern for the commands that need more than one aggregate, a set-wide rule (unique emails and external accounts) or secrets kept outside the log; and the first Admin of an empty database ({@link dev.warden.command.identity.BootstrapAdmin}, its password checked before the start by {@link dev.warden.command.identity.BootstrapPasswordCheck}).
 */
package dev.warden.command.identity;
