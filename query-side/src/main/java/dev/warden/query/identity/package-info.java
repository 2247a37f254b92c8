/**
 * Identity read models: users, organizations and members.
 */
package dev.warden.query.identity;
