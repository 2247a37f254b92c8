package dev.warden.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The master key that wraps the data keys ({@link DataKeys}).
 *
 * @param masterKey the master key, base64 of 32 random bytes ({@code WARDEN_MASTER_KEY}); blank for none
 * @param masterKeyFile a file holding that base64 text ({@code WARDEN_MASTER_KEY_FILE}); blank for none
 * @param generatedKeyFile where a key is generated once when neither is given and the database is the
 *     embedded default (under its data directory)
 */
@ConfigurationProperties("warden.keys")
public record KeysProperties(String masterKey, String masterKeyFile, String generatedKeyFile) {
}
