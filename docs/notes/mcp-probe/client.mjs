// TS SDK client against an MCP endpoint (default: the logging forwarder in front of server-everything).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

const url = new URL(process.env.MCP_URL || 'http://127.0.0.1:3102/mcp');
const transport = new StreamableHTTPClientTransport(url, {
  requestInit: { headers: { Authorization: 'Bearer wk_test_123' } },
});
transport.onerror = e => console.log('TRANSPORT onerror:', e?.constructor?.name, e?.code, e?.message);
const client = new Client({ name: 'warden-probe', version: '0.0.1' }, { capabilities: {} });
client.setNotificationHandler(ToolListChangedNotificationSchema, n => console.log('GOT notification', JSON.stringify(n)));

async function step(name, fn) {
  try { const r = await fn(); console.log(`OK ${name}:`, typeof r === 'string' ? r : JSON.stringify(r)); return r; }
  catch (e) { console.log(`THROWN ${name}:`, e?.constructor?.name, 'code=', e?.code, 'msg=', e?.message, 'data=', JSON.stringify(e?.data)); }
}

await step('connect', async () => { await client.connect(transport); return { sessionId: transport.sessionId, protocolVersion: transport.protocolVersion, server: client.getServerVersion(), caps: client.getServerCapabilities() }; });
const tools = await step('listTools', async () => (await client.listTools()).tools.map(t => t.name));
if (process.env.SHOW_ECHO !== '0') await step('echo definition', async () => (await client.listTools()).tools.find(t => t.name === 'echo'));
await step('callTool echo', () => client.callTool({ name: 'echo', arguments: { message: 'hi' } }));
if (process.env.EXTRA) {
  await step('callTool unknown', () => client.callTool({ name: 'nope', arguments: {} }));
  await step('callTool echo bad args', () => client.callTool({ name: 'echo', arguments: { message: 42 } }));
}
await new Promise(r => setTimeout(r, Number(process.env.WAIT_MS || 800)));
await step('terminateSession', () => transport.terminateSession().then(() => 'done'));
await client.close();
