// What does the TS SDK client surface for each refusal shape? Runs against stub.mjs.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const base = process.env.STUB || 'http://127.0.0.1:3104/mcp';
const show = e => `${e?.constructor?.name} code=${e?.code} message=${JSON.stringify(e?.message)} data=${JSON.stringify(e?.data)}`;

for (const mode of ['json', 'sse', '401', '403call', '404call']) {
  console.log(`\n=== mode ${mode}`);
  const t = new StreamableHTTPClientTransport(new URL(`${base}/${mode}`), { requestInit: { headers: { Authorization: 'Bearer wk_test_123' } } });
  t.onerror = e => console.log('  transport.onerror:', show(e));
  const c = new Client({ name: 'probe', version: '0' });
  try { await c.connect(t); console.log('  connected, session', t.sessionId); }
  catch (e) { console.log('  connect threw:', show(e)); continue; }
  await new Promise(r => setTimeout(r, 100));
  for (const [name, args] of [['echo', { message: 'hi' }], ['get-env', {}], ['get-sum', {}]]) {
    try { console.log(`  ${name} ->`, JSON.stringify(await c.callTool({ name, arguments: args }))); }
    catch (e) { console.log(`  ${name} threw:`, show(e)); }
  }
  try { await t.terminateSession(); console.log('  terminateSession ok'); } catch (e) { console.log('  terminate threw:', show(e)); }
  await c.close();
}
