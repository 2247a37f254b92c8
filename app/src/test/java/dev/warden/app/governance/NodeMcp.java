package dev.warden.app.governance;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The parts of the MCP interop test nobody here wrote, from the npm registry: the official TypeScript
 * SDK (its client drives the proxy) and two releases of the reference server, installed once into the
 * ignored {@code target/mcp-interop} (a marker names what was installed, so later runs reuse it). A
 * machine without node or npm skips the test, saying so.
 */
final class NodeMcp {

    static final Path DIR = Path.of("target", "mcp-interop").toAbsolutePath();
    /** The reference server before its echo tool's definition changed, and after. */
    static final String OLD_SERVER = "node_modules/everything-old/dist/index.js";
    static final String NEW_SERVER = "node_modules/@modelcontextprotocol/server-everything/dist/index.js";
    private static final List<String> PACKAGES = List.of("@modelcontextprotocol/sdk@1.32.2",
            "@modelcontextprotocol/server-everything@2026.8.31",
            "everything-old@npm:@modelcontextprotocol/server-everything@2025.11.25");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private NodeMcp() {
    }

    /** Skips the calling test where node (18 or later) or npm is missing; installs the packages where needed. */
    static void install() throws IOException, InterruptedException {
        String node = version("node");
        String npm = version("npm");
        Assumptions.assumeTrue(node != null && npm != null, "node/npm not found on PATH (node " + node + ", npm "
                + npm + "): the MCP interop test with the TypeScript SDK and the reference server is skipped");
        Assumptions.assumeTrue(Integer.parseInt(node.replaceFirst("^v", "").split("\\.")[0]) >= 18,
                "node " + node + " is older than 18: the MCP interop test is skipped");
        Files.createDirectories(DIR);
        Path marker = DIR.resolve(".installed");
        String wanted = String.join(" ", PACKAGES);
        if (!Files.exists(marker) || !Files.readString(marker).equals(wanted)) {
            Files.writeString(DIR.resolve("package.json"), "{\"private\":true,\"type\":\"module\"}\n");
            List<String> command = new java.util.ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund",
                    "--save-exact", "--loglevel=error"));
            command.addAll(PACKAGES);
            run(command, DIR.resolve("npm-install.log"));
            Files.writeString(marker, wanted);
        }
        try (InputStream client = NodeMcp.class.getResourceAsStream("/mcp-interop/client.mjs")) {
            Files.write(DIR.resolve("client.mjs"), client.readAllBytes());
        }
    }

    /** Starts the reference server {@code script} on {@code port}, its output going to a file, and waits until it listens. */
    static Process startServer(String script, int port) throws IOException {
        Path log = DIR.resolve((script.equals(OLD_SERVER) ? "server-old" : "server-new") + ".log");
        ProcessBuilder builder = new ProcessBuilder("node", script, "streamableHttp").directory(DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        Process server = builder.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !server.isAlive() || listening(port));
        if (!server.isAlive()) {
            throw new IllegalStateException("The reference server stopped at start; see " + log);
        }
        return server;
    }

    /** Stops a server and waits until it is gone and its port is free. */
    static void stop(Process process, int port) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> !listening(port));
        }
    }

    /** A port nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " took longer than " + INSTALL_TIMEOUT);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                    + "): " + Files.readString(log));
        }
    }

    /** The first line {@code tool --version} prints, or null when it cannot be run. */
    private static String version(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0
                    ? new String(output, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("?") : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
