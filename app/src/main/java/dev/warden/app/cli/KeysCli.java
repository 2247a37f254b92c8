package dev.warden.app.cli;

import dev.warden.keys.KeysProperties;
import dev.warden.keys.MasterKey;
import dev.warden.keys.MasterKeyException;
import dev.warden.keys.MasterKeyRotation;
import dev.warden.keys.MasterKeySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code warden keys rotate-master [--new-key-file=PATH]}: re-wraps every data key from the current
 * master key (WARDEN_MASTER_KEY, WARDEN_MASTER_KEY_FILE or the generated file) to the new one (the file,
 * else WARDEN_NEW_MASTER_KEY), one row per transaction; a rerun finishes an interrupted run. The event
 * log is not touched. Exit code 0 on success, 1 on failure, 2 on a usage error.
 */
public final class KeysCli {

    private static final String USAGE = """
            usage: warden keys rotate-master [--new-key-file=PATH]
              re-wrap every data key under the new master key (the file, else WARDEN_NEW_MASTER_KEY)""";
    private static final String FILE_OPTION = "--new-key-file=";

    private KeysCli() {
    }

    public static int run(String[] args) {
        if (args.length < 2 || args.length > 3 || !args[1].equals("rotate-master")
                || (args.length == 3 && !args[2].startsWith(FILE_OPTION))) {
            System.err.println(USAGE);
            return 2;
        }
        try {
            MasterKey newKey = newKey(args.length == 3 ? args[2].substring(FILE_OPTION.length()) : null);
            try (ConfigurableApplicationContext context = CliContext.start("none", true)) {
                MasterKey current = currentKey(context.getEnvironment());
                MasterKeyRotation.Result result = new MasterKeyRotation(context.getBean(JdbcClient.class),
                        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)))
                        .rotate(current, newKey, Integer.MAX_VALUE);
                System.out.printf("Re-wrapped %d data key(s) from master key %s to %s (%d were under it already)%n",
                        result.rewrapped(), current.id(), newKey.id(), result.alreadyNew());
            }
            return 0;
        } catch (RuntimeException e) {
            System.err.println("warden keys rotate-master failed: " + CliContext.rootMessage(e));
            return 1;
        }
    }

    private static MasterKey newKey(String file) {
        if (file != null) {
            try {
                return MasterKey.fromBase64(Files.readString(Path.of(file), StandardCharsets.US_ASCII),
                        "--new-key-file " + file);
            } catch (IOException e) {
                throw new MasterKeyException("cannot read --new-key-file " + file + ": " + e.getMessage());
            }
        }
        String base64 = System.getenv("WARDEN_NEW_MASTER_KEY");
        if (base64 == null || base64.isBlank()) {
            throw new MasterKeyException("give the new master key: --new-key-file=PATH or WARDEN_NEW_MASTER_KEY");
        }
        return MasterKey.fromBase64(base64, "WARDEN_NEW_MASTER_KEY");
    }

    private static MasterKey currentKey(Environment environment) {
        KeysProperties properties = Binder.get(environment).bind("warden.keys", KeysProperties.class)
                .orElseThrow(() -> new MasterKeyException("no warden.keys settings"));
        boolean embedded = environment.getProperty("warden.database.url", "").isBlank();
        return new MasterKeySource(properties, embedded).configured().orElseThrow(() -> new MasterKeyException(
                "no current master key: set WARDEN_MASTER_KEY or WARDEN_MASTER_KEY_FILE"));
    }
}
