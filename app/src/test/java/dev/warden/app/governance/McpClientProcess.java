package dev.warden.app.governance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The TypeScript SDK's MCP client in a node process ({@code client.mjs}), one MCP session for its
 * life: each step is a line of JSON to it and its outcome a line back.
 */
final class McpClientProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String END = "\u0000end";

    private final Process process;
    private final OutputStream input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    McpClientProcess(String url, String apiKey, String logName) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("node", "client.mjs").directory(NodeMcp.DIR.toFile())
                .redirectError(NodeMcp.DIR.resolve(logName).toFile());
        builder.environment().put("MCP_URL", url);
        builder.environment().put("MCP_KEY", apiKey);
        process = builder.start();
        input = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // The process ended; step() reports it.
            } finally {
                lines.add(END);
            }
        }, "mcp-interop-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs one step ({@code step} and its fields) and answers its outcome: {@code ok}, {@code result} or {@code error}. */
    JsonNode step(String step, Object... fields) throws IOException, InterruptedException {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("step", step);
        for (int i = 0; i < fields.length; i += 2) {
            line.put((String) fields[i], fields[i + 1]);
        }
        input.write((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
        String answer = lines.poll(90, TimeUnit.SECONDS);
        if (answer == null || answer.equals(END)) {
            throw new AssertionError("The MCP client gave no answer to " + line + "; see " + NodeMcp.DIR);
        }
        return JSON.readTree(answer);
    }

    /** A successful step's result, failing with the error when the step failed. */
    JsonNode ok(String step, Object... fields) throws IOException, InterruptedException {
        JsonNode outcome = step(step, fields);
        if (!outcome.get("ok").asBoolean()) {
            throw new AssertionError(step + " failed: " + outcome);
        }
        return outcome.get("result");
    }

    /** A failed step's error, failing when the step succeeded. */
    JsonNode error(String step, Object... fields) throws IOException, InterruptedException {
        JsonNode outcome = step(step, fields);
        if (outcome.get("ok").asBoolean()) {
            throw new AssertionError(step + " succeeded where it should fail: " + outcome);
        }
        return outcome.get("error");
    }

    @Override
    public void close() throws InterruptedException {
        try {
            input.write("{\"step\":\"exit\"}\n".getBytes(StandardCharsets.UTF_8));
            input.flush();
        } catch (IOException ignored) {
            // Already gone.
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
