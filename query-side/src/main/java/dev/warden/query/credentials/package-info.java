/**
 * The credentials context's read side: credential types, and cloud provider and app credentials as
 * metadata and masks. Nothing here holds or opens a secret; a reveal is a command.
 */
package dev.warden.query.credentials;
