package dev.warden.app.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as its own process, so a Warden killed hard (kill -9, out of memory)
 * leaves it running and holding the data directory. Before a start, this tells that case apart from
 * another Warden still using the directory, and stops the leftover server.
 */
final class LeftoverPostgres {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

    /** The lock file the embedded server's owner holds while it runs. */
    static final String OWNER_LOCK = "epg-lock";

    private LeftoverPostgres() {
    }

    /**
     * Refuses when another live Warden owns {@code dataDir}; stops a server that no Warden owns.
     */
    static void clear(Path dataDir) {
        Path lockFile = dataDir.resolve(OWNER_LOCK);
        if (Files.exists(lockFile) && !lockIsFree(lockFile)) {
            throw new DatabaseStartupException("Another Warden is using the data directory " + dataDir
                    + "; stop it or set WARDEN_DATA_DIR to another directory");
        }
        serverPid(dataDir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(server -> {
            log.warn("Stopping the PostgreSQL (pid {}) a previous Warden left running in {}", server.pid(), dataDir);
            server.destroy();
            try {
                server.onExit().get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatabaseStartupException("Interrupted while stopping a leftover PostgreSQL");
            } catch (ExecutionException | TimeoutException e) {
                throw new DatabaseStartupException("A PostgreSQL left running in " + dataDir + " (pid " + server.pid()
                        + ") did not stop within 60 s; stop it by hand");
            }
        });
    }

    private static boolean lockIsFree(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static Optional<Long> serverPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
