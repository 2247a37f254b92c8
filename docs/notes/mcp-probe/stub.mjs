// Hand-written MCP streamable-HTTP endpoint (no SDK), standing in for Warden's proxy, to see what the
// official TS client accepts and what it surfaces. Path selects behaviour:
//   /mcp/json    replies application/json        /mcp/sse   replies text/event-stream (priming event + message)
//   /mcp/401     401 + WWW-Authenticate on POST  /mcp/403call  403 on tools/call only
//   /mcp/404call tools/call answers 404 (session gone)
// GET -> 405, DELETE -> 204. tools/call: echo -> ok; get-env -> JSON-RPC error; get-sum -> isError result.
import http from 'node:http';
import { randomUUID } from 'node:crypto';

const PORT = Number(process.env.STUB_PORT || 3104);
const sessions = new Set();
const tools = [{ name: 'echo', description: 'Echoes back the input string',
  inputSchema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] } },
  { name: 'get-env', inputSchema: { type: 'object' } }, { name: 'get-sum', inputSchema: { type: 'object' } }];

function reply(res, mode, msg, extraHeaders = {}) {
  if (mode === 'sse') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...extraHeaders });
    res.write(`id: ${randomUUID()}\ndata: \n\n`);
    res.end(`event: message\nid: ${randomUUID()}\ndata: ${JSON.stringify(msg)}\n\n`);
  } else {
    res.writeHead(200, { 'content-type': 'application/json', ...extraHeaders });
    res.end(JSON.stringify(msg));
  }
}

http.createServer((req, res) => {
  const mode = req.url.split('/')[2] || 'json';
  console.log(req.method, req.url, 'auth=', req.headers.authorization, 'sid=', req.headers['mcp-session-id'], 'ver=', req.headers['mcp-protocol-version']);
  if (req.method === 'GET') { res.writeHead(405, { allow: 'POST, DELETE' }).end(); return; }
  if (req.method === 'DELETE') { sessions.delete(req.headers['mcp-session-id']); res.writeHead(204).end(); return; }
  let body = '';
  req.on('data', d => body += d).on('end', () => {
    const m = JSON.parse(body);
    if (mode === '401') {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token", error_description="unknown API key"' });
      res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message: 'Unauthorized: unknown API key' }, id: m.id ?? null }));
      return;
    }
    if (!('id' in m)) { res.writeHead(202).end(); return; }            // notification / response
    if (m.method === 'initialize') {
      const sid = randomUUID(); sessions.add(sid);
      reply(res, mode, { jsonrpc: '2.0', id: m.id, result: { protocolVersion: '2025-11-25', capabilities: { tools: { listChanged: true } },
        serverInfo: { name: 'warden-stub', version: '0' } } }, { 'mcp-session-id': sid });
      return;
    }
    if (m.method === 'tools/list') { reply(res, mode, { jsonrpc: '2.0', id: m.id, result: { tools } }); return; }
    if (m.method === 'tools/call') {
      if (mode === '403call') { res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message: 'Forbidden by policy' }, id: m.id })); return; }
      if (mode === '404call') { res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: m.id })); return; }
      const name = m.params.name;
      if (name === 'echo') { reply(res, mode, { jsonrpc: '2.0', id: m.id, result: { content: [{ type: 'text', text: `Echo: ${m.params.arguments.message}` }] } }); return; }
      if (name === 'get-env') { reply(res, mode, { jsonrpc: '2.0', id: m.id, error: { code: -32001, message: 'Denied by policy "prod-guard" v3 rule 2 (deny get-*)',
        data: { decision: 'deny', policyId: 'p-1', policyVersion: 3, ruleIndex: 2 } } }); return; }
      if (name === 'get-sum') { reply(res, mode, { jsonrpc: '2.0', id: m.id, result: { isError: true,
        content: [{ type: 'text', text: 'Denied by Warden policy "prod-guard" v3 rule 2 (deny get-*)' }],
        structuredContent: { decision: 'deny', policyId: 'p-1', policyVersion: 3, ruleIndex: 2 } } }); return; }
    }
    reply(res, mode, { jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found' } });
  });
}).listen(PORT, '127.0.0.1', () => console.log('stub on', PORT));
