/**
 * Credentials: credential types (templates of fields, the system's for AWS, Azure and GCP and an
 * organization's own), cloud provider credentials and app credentials stored against a type,
 * rotated, revoked, destroyed (their data key shredded) and revealed. Secret values enter events only
 * as ciphertext under the credential's own data key, beside a mask; never as plaintext.
 */
package dev.warden.events.credentials;
