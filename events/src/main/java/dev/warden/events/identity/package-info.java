/**
 * Identity and tenancy: users, organizations and their members. (Sessions, accounts and API keys
 * come with the identity issue.)
 */
package dev.warden.events.identity;
