// Logging HTTP forwarder: LISTEN -> TARGET, prints each request/response with headers and bodies.
// Response bodies are streamed through chunk by chunk (SSE stays live) and logged as they arrive.
import http from 'node:http';

const LISTEN = Number(process.env.LISTEN || 3102);
const TARGET = new URL(process.env.TARGET || 'http://127.0.0.1:3101');
let n = 0;
const t0 = Date.now();
const ts = () => `+${String(Date.now() - t0).padStart(5)}ms`;

http.createServer((req, res) => {
  const id = ++n;
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    console.log(`\n#${id} ${ts()} >>> ${req.method} ${req.url}`);
    for (const [k, v] of Object.entries(req.headers)) console.log(`#${id} >>> ${k}: ${v}`);
    if (body.length) console.log(`#${id} >>> BODY ${body.toString()}`);
    const up = http.request({
      host: TARGET.hostname, port: TARGET.port, method: req.method, path: req.url,
      headers: { ...req.headers, host: `${TARGET.hostname}:${TARGET.port}` },
    }, ur => {
      console.log(`#${id} ${ts()} <<< ${ur.statusCode} ${ur.statusMessage}`);
      for (const [k, v] of Object.entries(ur.headers)) console.log(`#${id} <<< ${k}: ${v}`);
      res.writeHead(ur.statusCode, ur.headers);
      ur.on('data', c => { console.log(`#${id} ${ts()} <<< CHUNK ${JSON.stringify(c.toString())}`); res.write(c); });
      ur.on('end', () => { console.log(`#${id} ${ts()} <<< END`); res.end(); });
    });
    up.on('error', e => { console.log(`#${id} upstream error ${e}`); res.destroy(); });
    res.on('close', () => { if (!res.writableFinished) { console.log(`#${id} ${ts()} client closed`); up.destroy(); } });
    up.end(body);
  });
}).listen(LISTEN, '127.0.0.1', () => console.log(`forwarder ${LISTEN} -> ${TARGET}`));
