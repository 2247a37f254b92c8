#!/bin/bash
# Rug pull by upgrade: same port, 2025.11.25 -> 2026.8.31. What does a stale upstream session get, and echo's description?
U=http://127.0.0.1:3103/mcp; A='accept: application/json, text/event-stream'; C='content-type: application/json'
INIT='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"curl","version":"0"}}}'
desc() { curl -s -X POST $U -H "$C" -H "$A" -H "mcp-session-id: $1" -H 'mcp-protocol-version: 2025-11-25' -d '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' | grep '^data: {' | sed 's/^data: //' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const t=JSON.parse(s).result.tools.find(t=>t.name==="echo");console.log(JSON.stringify({description:t.description,title:t.title,additionalProperties:t.inputSchema.additionalProperties}))})'; }
S1=$(curl -s -i -X POST $U -H "$C" -H "$A" -d "$INIT" | grep -i '^mcp-session-id' | tr -d '\r' | awk '{print $2}')
curl -s -o /dev/null -X POST $U -H "$C" -H "$A" -H "mcp-session-id: $S1" -H 'mcp-protocol-version: 2025-11-25' -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
echo -n "old echo: "; desc $S1
kill $(cat /tmp/h/mcp-old/old.pid); sleep 0.5
(cd /tmp/mcp-probe && PORT=3103 nohup node node_modules/@modelcontextprotocol/server-everything/dist/index.js streamableHttp > /tmp/h/mcp-exp/new3103.log 2>&1 & echo $! > /tmp/h/mcp-exp/new3103.pid)
for i in $(seq 1 50); do curl -s -o /dev/null http://127.0.0.1:3103/ && break; sleep 0.1; done
echo -n "stale session after swap: "; curl -s -i -X POST $U -H "$C" -H "$A" -H "mcp-session-id: $S1" -H 'mcp-protocol-version: 2025-11-25' -d '{"jsonrpc":"2.0","id":3,"method":"tools/list"}' | grep -i "^HTTP\|^{" | tr -d '\r' | tr '\n' ' '; echo
S2=$(curl -s -i -X POST $U -H "$C" -H "$A" -d "$INIT" | grep -i '^mcp-session-id' | tr -d '\r' | awk '{print $2}')
curl -s -o /dev/null -X POST $U -H "$C" -H "$A" -H "mcp-session-id: $S2" -H 'mcp-protocol-version: 2025-11-25' -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'
echo -n "new echo: "; desc $S2
