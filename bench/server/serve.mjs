// A server under test, in its own process:
// `node serve.mjs <bare|busy|sign|official|token|express|express-bare|workers> <module-dir-url>`.
// Reports its port over IPC, then answers `{ type: 'cpu' }` with its CPU time so far (for
// `workers`, the primary's plus every worker's).
//
// bare:  node:http, drains the request body, answers a constant JSON body of a token
//        answer's size. The floor any Node HTTP server stands on.
// sign:  bare, plus JSON.parse of the body and buildRtcToken for it: the least any token
//        server must do, without routing, validation, CORS, limits or logging.
// busy:  bare, plus a busy-wait of BUSY_US microseconds per request (a control: what any
//        work of that size per request costs in throughput, whatever the work is).
// official: sign, with Agora's own package (agora-token's RtcTokenBuilder.buildTokenWithUid)
//        instead of this library: what a hand-written server on the official package costs.
// token: exactly what `npm start` runs (startServer: logging to stdout, rate limiter on),
//        with the limit raised so that the load is measured rather than refused.
// express: the same handler as Express middleware (createNodeHandler inside an Express app,
//        logging and rate limiter on), as a team adds it to an existing Express server.
// express-bare: an Express app whose one middleware answers like bare: what Express itself
//        costs per request, whatever it serves.
// workers: `npm start` with WORKERS=2 (startCluster: two worker processes behind one port,
//        the rate limit counted in the primary).

import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const [kind, dirUrl] = process.argv.slice(2);

// The size of a 007 `{"token":"...","code":"200"}` answer, so both write the same bytes.
const BARE_BODY = JSON.stringify({ token: `007${'A'.repeat(180)}`, code: '200' });

/** The bare servers' answer: the constant body, with its length. */
function answerBare(res) {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(BARE_BODY)) });
  res.end(BARE_BODY);
}

async function start() {
  if (kind === 'bare' || kind === 'busy') {
    const busyMs = kind === 'busy' ? Number(process.env.BUSY_US) / 1000 : 0;
    const server = createServer((req, res) => {
      req.on('end', () => {
        if (busyMs > 0) {
          const until = performance.now() + busyMs;
          while (performance.now() < until);
        }
        answerBare(res);
      });
      req.resume();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server.address().port;
  }
  if (kind === 'express-bare') {
    const app = createRequire(import.meta.url)('express')();
    app.use((req, res) => {
      req.on('end', () => {
        answerBare(res);
      });
      req.resume();
    });
    const server = createServer(app);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server.address().port;
  }
  if (kind === 'sign' || kind === 'official') {
    const credentials = { appId: '0123456789abcdef0123456789abcdef', appCertificate: 'fedcba9876543210fedcba9876543210' };
    let buildRtcToken;
    if (kind === 'sign') {
      ({ buildRtcToken } = await import(new URL('index.js', dirUrl).href));
    } else {
      const { RtcTokenBuilder, RtcRole } = createRequire(import.meta.url)('agora-token');
      buildRtcToken = ({ appId, appCertificate, channelName, uid }) =>
        RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, uid, RtcRole.PUBLISHER, 3600, 3600);
    }
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
  const serverModule = await import(new URL('server/node.js', dirUrl).href);
  const rateLimit = { limit: 999_999_999, windowMs: 60_000 };
  if (kind === 'express') {
    const express = createRequire(import.meta.url)('express');
    const { createNodeHandler, createTokenHandler, DEMO_APP_ID, DEMO_APP_CERTIFICATE } = serverModule;
    const lines = logLines();
    const app = express();
    app.use(createNodeHandler(createTokenHandler({ appId: DEMO_APP_ID, appCertificate: DEMO_APP_CERTIFICATE, rateLimit, log: lines })));
    const server = createServer(app);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server.address().port;
  }
  if (kind === 'workers') {
    const running = await serverModule.startCluster({
      workers: 2,
      env: { RATE_LIMIT: '999999999/60' },
      port: 0,
      host: '127.0.0.1',
      handleSignals: false,
      log: cluster.isPrimary ? () => undefined : undefined,
    });
    return Number(new URL(running.url).port);
  }
  const { server } = await serverModule.startServer({
    env: { RATE_LIMIT: '999999999/60' },
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
  });
  return server.address().port;
}

/** Log lines to stdout once per turn, as startServer writes them (stdout is ignored here). */
function logLines() {
  let pending = [];
  return (line) => {
    if (pending.length === 0) setImmediate(() => {
      process.stdout.write(`${pending.join('\n')}\n`);
      pending = [];
    });
    pending.push(line);
  };
}

/** The CPU time of the primary and every worker, summed. */
async function clusterCpu() {
  const own = process.cpuUsage();
  const workers = Object.values(cluster.workers ?? {});
  const usages = await Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve) => {
          const onMessage = (message) => {
            if (message?.type !== 'worker-cpu') return;
            worker.off('message', onMessage);
            resolve(message.usage);
          };
          worker.on('message', onMessage);
          worker.send({ type: 'worker-cpu' });
        }),
    ),
  );
  return usages.reduce((sum, usage) => ({ user: sum.user + usage.user, system: sum.system + usage.system }), own);
}

if (kind === 'workers' && cluster.isWorker) {
  // A worker: serve, and tell the primary its CPU time when asked.
  await start();
  process.on('message', (message) => {
    if (message?.type === 'worker-cpu') process.send({ type: 'worker-cpu', usage: process.cpuUsage() });
  });
} else {
  const port = await start();
  process.on('message', async (message) => {
    if (message?.type === 'cpu') process.send({ type: 'cpu', usage: kind === 'workers' ? await clusterCpu() : process.cpuUsage() });
    if (message?.type === 'exit') {
      if (kind === 'workers') for (const worker of Object.values(cluster.workers ?? {})) worker.process.kill('SIGKILL');
      process.exit(0);
    }
  });
  process.send({ type: 'ready', port });
}
