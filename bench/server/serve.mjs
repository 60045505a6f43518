// A server under test, in its own process: `node serve.mjs <bare|sign|token> <module-dir-url>`.
// Reports its port over IPC, then answers `{ type: 'cpu' }` with its CPU time so far.
//
// bare:  node:http, drains the request body, answers a constant JSON body of a token
//        answer's size. The floor any Node HTTP server stands on.
// sign:  bare, plus JSON.parse of the body and buildRtcToken for it: the least any token
//        server must do, without routing, validation, CORS, limits or logging.
// busy:  bare, plus a busy-wait of BUSY_US microseconds per request (a control: what any
//        work of that size per request costs in throughput, whatever the work is).
// token: exactly what `npm start` runs (startServer: logging to stdout, rate limiter on),
//        with the limit raised so that the load is measured rather than refused.

import { createServer } from 'node:http';

const [kind, dirUrl] = process.argv.slice(2);

// The size of a 007 `{"token":"...","code":"200"}` answer, so both write the same bytes.
const BARE_BODY = JSON.stringify({ token: `007${'A'.repeat(180)}`, code: '200' });

async function start() {
  if (kind === 'bare' || kind === 'busy') {
    const busyMs = kind === 'busy' ? Number(process.env.BUSY_US) / 1000 : 0;
    const server = createServer((req, res) => {
      req.on('end', () => {
        if (busyMs > 0) {
          const until = performance.now() + busyMs;
          while (performance.now() < until);
        }
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(BARE_BODY)) });
        res.end(BARE_BODY);
      });
      req.resume();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server.address().port;
  }
  if (kind === 'sign') {
    const { buildRtcToken } = await import(new URL('index.js', dirUrl).href);
    const credentials = { appId: '0123456789abcdef0123456789abcdef', appCertificate: 'fedcba9876543210fedcba9876543210' };
    const server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const { uid, channelName } = JSON.parse(Buffer.concat(chunks).toString());
        const token = buildRtcToken({ ...credentials, channelName, uid, role: 'publisher' });
        const body = `{"token":"${token}","code":"200"}`;
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
        res.end(body);
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server.address().port;
  }
  const { startServer } = await import(new URL('server/node.js', dirUrl).href);
  const { server } = await startServer({
    env: { RATE_LIMIT: '999999999/60' },
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
  });
  return server.address().port;
}

const port = await start();
process.on('message', (message) => {
  if (message?.type === 'cpu') process.send({ type: 'cpu', usage: process.cpuUsage() });
  if (message?.type === 'exit') process.exit(0);
});
process.send({ type: 'ready', port });
