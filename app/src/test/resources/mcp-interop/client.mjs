// An MCP client built on the official TypeScript SDK (StreamableHTTPClientTransport), driven line by
// line for McpProxyInteropIT: each line on standard input is one step as JSON, each line on standard
// output its outcome as JSON ({step, ok, result} or {step, ok: false, error: {class, code, message, data}}).
// Steps: connect, list, call {name, arguments}, terminate, exit. MCP_URL names the endpoint and
// MCP_KEY the API key it sends as 'Authorization: Bearer'.
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const transport = new StreamableHTTPClientTransport(new URL(process.env.MCP_URL), {
  requestInit: { headers: { Authorization: `Bearer ${process.env.MCP_KEY}` } },
});
transport.onerror = () => {};
const client = new Client({ name: 'warden-interop', version: '1.0.0' }, { capabilities: {} });

const steps = {
  connect: async () => {
    await client.connect(transport);
    return { sessionId: transport.sessionId, protocolVersion: transport.protocolVersion,
      server: client.getServerVersion()?.name };
  },
  list: async () => (await client.listTools()).tools.map(tool => tool.name),
  call: async step => {
    // Each progress notification with the milliseconds since the call began, and the call's own duration:
    // relayed as they happen, they arrive well before the result.
    const start = Date.now();
    const progress = [];
    const result = await client.callTool({ name: step.name, arguments: step.arguments ?? {} }, undefined,
      { onprogress: p => progress.push({ progress: p.progress, at: Date.now() - start }) });
    return { ...result, progress, took: Date.now() - start };
  },
  terminate: async () => { await transport.terminateSession(); return transport.sessionId ?? null; },
};

const out = line => process.stdout.write(JSON.stringify(line) + '\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const step = JSON.parse(line);
  if (step.step === 'exit') break;
  try {
    out({ step: step.step, ok: true, result: await steps[step.step](step) });
  } catch (e) {
    out({ step: step.step, ok: false, error: { class: e?.constructor?.name, code: e?.code ?? null,
      message: String(e?.message), data: e?.data ?? null } });
  }
}
await client.close().catch(() => {});
process.exit(0);
