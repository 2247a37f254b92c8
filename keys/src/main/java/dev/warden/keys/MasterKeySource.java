package dev.warden.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the master key comes from: {@code WARDEN_MASTER_KEY}, else the file {@code WARDEN_MASTER_KEY_FILE}
 * names, else, on the embedded default database only, a key generated once into
 * {@link KeysProperties#generatedKeyFile()} (when it is first needed) and read from there after.
 * With an external database and neither variable there is no master key.
 */
public final class MasterKeySource {

    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);

    private final KeysProperties properties;
    private final boolean embedded;
    private volatile MasterKey key;

    public MasterKeySource(KeysProperties properties, boolean embedded) {
        this.properties = properties;
        this.embedded = embedded;
    }

    /** The configured key, or the generated one if its file already exists; empty when there is none yet. */
    public synchronized Optional<MasterKey> configured() {
        if (key == null) {
            key = read();
        }
        return Optional.ofNullable(key);
    }

    /** Whether {@link #require} can give a key: one is configured, or one is generated on the embedded default. */
    public boolean available() {
        return embedded || configured().isPresent();
    }

    /** The key, generating it on the embedded default when there is none yet. */
    public synchronized MasterKey require() {
        Optional<MasterKey> configured = configured();
        if (configured.isPresent()) {
            return configured.get();
        }
        if (!embedded) {
            throw noKey();
        }
        key = generate(Path.of(properties.generatedKeyFile()));
        return key;
    }

    /** The refusal when no key is given for an external database. */
    static MasterKeyException noKey() {
        return new MasterKeyException("no master key: set WARDEN_MASTER_KEY or WARDEN_MASTER_KEY_FILE "
                + "(32 random bytes in base64, e.g. from `openssl rand -base64 32`): with an external database "
                + "Warden encrypts users' personal data and secrets under it");
    }

    private MasterKey read() {
        if (!properties.masterKey().isBlank()) {
            return MasterKey.fromBase64(properties.masterKey(), "WARDEN_MASTER_KEY");
        }
        if (!properties.masterKeyFile().isBlank()) {
            return fromFile(Path.of(properties.masterKeyFile()), "WARDEN_MASTER_KEY_FILE " + properties.masterKeyFile());
        }
        Path generated = Path.of(properties.generatedKeyFile());
        return embedded && Files.exists(generated) ? fromFile(generated, "the master key file " + generated) : null;
    }

    private static MasterKey fromFile(Path file, String source) {
        try {
            return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII), source);
        } catch (IOException e) {
            throw new MasterKeyException("cannot read " + source + ": " + e.getMessage());
        }
    }

    private static MasterKey generate(Path file) {
        String base64 = MasterKey.generateBase64();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's own permissions guard the file.
            }
            Files.writeString(file, base64 + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            return fromFile(file, "the master key file " + file);
        } catch (IOException e) {
            throw new MasterKeyException("cannot write the master key file " + file + ": " + e.getMessage());
        }
        MasterKey key = MasterKey.fromBase64(base64, "the master key file " + file);
        log.warn("Generated master key {} into {}: without it the encrypted data cannot be read. Keep it apart "
                + "from database backups: move the file elsewhere and set WARDEN_MASTER_KEY_FILE to its path.",
                key.id(), file.toAbsolutePath());
        return key;
    }
}
