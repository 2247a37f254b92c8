#!/bin/bash
# raw curl probes against server-everything (direct, port 3101)
U=${U:-http://127.0.0.1:3101/mcp}
INIT='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"curl","version":"0"}}}'
echo "== 1 initialize, Accept: application/json only"; curl -s -i -X POST $U -H 'content-type: application/json' -H 'accept: application/json' -d "$INIT" | grep -iv "^date\|^x-powered\|^access-control\|^vary\|^connection\|^keep-alive"; echo
echo "== 2 initialize ok (Accept both)"; curl -s -i -X POST $U -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' -d "$INIT" > init.txt; grep -i "^HTTP\|content-type\|mcp-session-id" init.txt
SID=$(grep -i '^mcp-session-id' init.txt | tr -d '\r' | awk '{print $2}')
H=(-H 'content-type: application/json' -H 'accept: application/json, text/event-stream' -H "mcp-session-id: $SID")
echo "== 3 notifications/initialized"; curl -s -i -X POST $U "${H[@]}" -H 'mcp-protocol-version: 2025-11-25' -d '{"jsonrpc":"2.0","method":"notifications/initialized"}' | head -1
echo "== 4 tools/call with bad MCP-Protocol-Version"; curl -s -i -X POST $U "${H[@]}" -H 'mcp-protocol-version: 1999-01-01' -d '{"jsonrpc":"2.0","id":2,"method":"ping"}' | grep -v "^date\|^x-powered\|^access-control\|^vary\|^connection\|^keep-alive\|^Content-Length\|^ETag"; echo
echo "== 5 ping without MCP-Protocol-Version header"; curl -s -i -X POST $U "${H[@]}" -d '{"jsonrpc":"2.0","id":3,"method":"ping"}' | grep -i "^HTTP\|content-type\|^data\|^id"
echo "== 6 POST non-initialize without session id"; curl -s -i -X POST $U -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' -d '{"jsonrpc":"2.0","id":4,"method":"tools/list"}' | grep -i "^HTTP\|^{"; echo
echo "== 7 POST with unknown session id"; curl -s -i -X POST $U -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' -H 'mcp-session-id: nope' -d '{"jsonrpc":"2.0","id":5,"method":"tools/list"}' | grep -i "^HTTP\|^{"; echo
echo "== 8 GET without Accept text/event-stream"; curl -s -i -m 2 $U -H "mcp-session-id: $SID" -H 'accept: application/json' | grep -i "^HTTP\|^{"; echo
echo "== 9 initialize with 2025-06-18 and with 1999-01-01 -> negotiated version"; for v in 2025-06-18 1999-01-01; do curl -s -X POST $U -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"$v\",\"capabilities\":{},\"clientInfo\":{\"name\":\"curl\",\"version\":\"0\"}}}" | grep -o '"protocolVersion":"[^"]*"'; done
echo "== 10 Origin: http://evil.example"; curl -s -i -X POST $U -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' -H 'origin: http://evil.example' -d "$INIT" | head -1
echo "== 11 JSON-RPC batch"; curl -s -i -X POST $U "${H[@]}" -H 'mcp-protocol-version: 2025-11-25' -d '[{"jsonrpc":"2.0","id":6,"method":"ping"},{"jsonrpc":"2.0","id":7,"method":"ping"}]' | grep -i "^HTTP\|^{\|^data"; echo
echo "== 12 DELETE then reuse"; curl -s -i -X DELETE $U -H "mcp-session-id: $SID" -H 'mcp-protocol-version: 2025-11-25' | head -1; curl -s -i -X POST $U "${H[@]}" -H 'mcp-protocol-version: 2025-11-25' -d '{"jsonrpc":"2.0","id":8,"method":"ping"}' | grep -i "^HTTP\|^{"; echo
