#!/usr/bin/env node
// Load test of the token server: POST /fetch_rtc_token against a bare node:http handler that
// answers a constant JSON body, on the same machine, in the same run.
//
//   npx tsup && node bench/server-load.mjs [--duration=5] [--warmup=1] [--connections=50]
//                                          [--rounds=3] [--client=raw|http] [--from-src] [--json]
//                                          [--control]
//
//   --from-src  bundle src/server.ts with esbuild into a temp dir instead of using dist/
//   --client    raw (default): a raw-socket generator light enough to saturate the server;
//               http: node:http with a keep-alive Agent (heavier than the servers themselves)
//   --control   also run `busy`: the bare server busy-waiting, per request, as long as signing
//               one token takes in-process; shows what that much work costs in throughput
//
// Six servers, each in its own process, as is the load generator (see server/serve.mjs):
// `bare` (node:http answering a constant JSON body), `sign` (bare plus parsing the body and
// signing the token: the least any token server does), `official` (the same signing with
// agora-token), `token` (what `npm start` runs), `express` (the handler as Express
// middleware) and `workers` (`npm start` with WORKERS=2). Rounds rotate the order so drift on
// the machine lands on all. Reported per server: requests/s, p50/p99 latency (median over
// rounds) and the server processes' CPU time per request; then the targets: the token
// server's CPU per request at most 1.15x bare+sign's (throughput at least 0.85 of it), through
// Express at most 1.5x the direct path, 2 workers at least 1.6x one process's throughput,
// and the token server's p99 at most 1.5x bare+sign's.

import { fork } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleSources } from './lib/load.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? true];
  }),
);
const settings = {
  durationMs: Number(args.duration ?? 5) * 1000,
  warmupMs: Number(args.warmup ?? 1) * 1000,
  connections: Number(args.connections ?? 50),
  rounds: Number(args.rounds ?? 3),
  client: args.client ?? 'raw',
};

/** Directory holding server/node.js and index.js: dist/, or a bundle of src/ with --from-src. */
async function moduleDir() {
  if (args['from-src']) {
    const outdir = mkdtempSync(join(tmpdir(), 'agora-tokens-server-bench-'));
    return bundleSources({ 'server/node': 'src/server-node.ts', index: 'src/index.ts' }, outdir);
  }
  const dist = join(ROOT, 'dist');
  for (const name of ['server/node.js', 'index.js']) {
    if (!existsSync(join(dist, name))) throw new Error(`${join(dist, name)} is missing: run \`npx tsup\` first, or pass --from-src`);
  }
  // A copy: a build started meanwhile (tsup empties dist/ first) must not pull files from
  // under the servers, nor mix two builds in one run.
  const snapshot = mkdtempSync(join(tmpdir(), 'agora-tokens-server-bench-dist-'));
  cpSync(dist, snapshot, { recursive: true, filter: (src) => !/\.(d\.ts|d\.cts|map)$/.test(src) });
  writeFileSync(join(snapshot, 'package.json'), '{ "type": "module" }\n');
  return snapshot;
}

/** In-process cost of signing the token each answer carries (what the bare server skips). */
async function signingCost(dir) {
  const { buildRtcToken } = await import(pathToFileURL(join(dir, 'index.js')).href);
  const options = { appId: '0123456789abcdef0123456789abcdef', appCertificate: 'fedcba9876543210fedcba9876543210', channelName: 'bench', role: 'publisher' };
  const samples = [];
  let uid = 1;
  for (let round = 0; round < 7; round++) {
    const n = 5000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i++) buildRtcToken({ ...options, uid: uid++ });
    samples.push(Number(process.hrtime.bigint() - started) / 1000 / n);
  }
  return median(samples.slice(2));
}

function message(child, type) {
  return new Promise((resolveMessage, reject) => {
    const onMessage = (m) => {
      if (m?.type === type) {
        child.off('message', onMessage);
        resolveMessage(m);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`${type}: child exited with ${code}`)));
  });
}

async function measure(kind, dirUrl) {
  const server = fork(join(ROOT, 'bench/server/serve.mjs'), [kind, dirUrl], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, BUSY_US: String(busyUs) },
  });
  try {
    const { port } = await message(server, 'ready');
    const load = fork(join(ROOT, 'bench/server/load.mjs'), [JSON.stringify({ port, ...settings })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const result = message(load, 'result');
    await message(load, 'measuring');
    server.send({ type: 'cpu' });
    const before = (await message(server, 'cpu')).usage;
    await message(load, 'measured');
    server.send({ type: 'cpu' });
    const after = (await message(server, 'cpu')).usage;
    const r = await result;
    const cpuUs = after.user - before.user + (after.system - before.system);
    return { ...r, cpuPerRequestUs: cpuUs / r.requests, cpuShare: cpuUs / 1e6 / r.seconds };
  } finally {
    server.send({ type: 'exit' });
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const dir = await moduleDir();
const dirUrl = pathToFileURL(`${dir}/`).href;
const signingUs = await signingCost(dir);
const busyUs = Math.round(signingUs);
const KINDS = [...(args.control ? ['bare', 'busy'] : ['bare']), 'sign', 'official', 'token', 'express', 'express-bare', 'workers'];
const runs = Object.fromEntries(KINDS.map((kind) => [kind, []]));
for (let round = 0; round < settings.rounds; round++) {
  const order = KINDS.map((_, i) => KINDS[(i + round) % KINDS.length]);
  for (const kind of order) runs[kind].push(await measure(kind, dirUrl));
}

const summary = Object.fromEntries(
  Object.entries(runs).map(([kind, list]) => [
    kind,
    {
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      cpuPerRequestUs: median(list.map((r) => r.cpuPerRequestUs)),
      cpuShare: median(list.map((r) => r.cpuShare)),
      errors: list.reduce((sum, r) => sum + r.errors, 0),
      rounds: list.map((r) => Math.round(r.rps)),
    },
  ]),
);
const perRound = (a, b, f = (x) => x.rps) => runs[a].map((r, i) => f(r) / f(runs[b][i]));
const perRoundRatios = perRound('token', 'bare');
const ratio = median(perRoundRatios);
const signRatio = median(perRound('token', 'sign'));
const environment = { node: process.version, cpu: cpus()[0]?.model, cores: availableParallelism(), ...settings };

// The targets, each a median of per-round ratios (rounds rotate the order, so drift on the
// machine lands on every server).
const targets = [
  { name: 'token server CPU per request / bare+sign', value: median(perRound('token', 'sign', (r) => r.cpuPerRequestUs)), bound: 1.15, atMost: true },
  { name: 'token server throughput / bare+sign', value: signRatio, bound: 0.85, atMost: false },
  { name: 'Express CPU per request / token server', value: median(perRound('express', 'token', (r) => r.cpuPerRequestUs)), bound: 1.5, atMost: true },
  { name: '2 workers throughput / token server (1 process)', value: median(perRound('workers', 'token')), bound: 1.6, atMost: false },
  { name: `token server p99 / bare+sign p99 (${settings.connections} connections)`, value: median(perRound('token', 'sign', (r) => r.p99)), bound: 1.5, atMost: true },
];
const officialRatio = median(perRound('sign', 'official'));

if (args.json) {
  console.log(JSON.stringify({ environment, summary, ratio, perRoundRatios, signRatio, officialRatio, targets, signingUs }, null, 2));
} else {
  const row = (name, s) =>
    `${name.padEnd(34)}${Math.round(s.rps).toString().padStart(9)}${s.p50.toFixed(2).padStart(9)}${s.p99.toFixed(2).padStart(9)}${s.cpuPerRequestUs.toFixed(1).padStart(12)}   ${s.rounds.join(' / ')}`;
  console.log(`Node ${environment.node}, ${environment.cores} cores (${environment.cpu}); ${settings.connections} connections, ${settings.rounds} x ${settings.durationMs / 1000} s, client ${settings.client}`);
  console.log(`${'server'.padEnd(34)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'CPU us/req'.padStart(12)}   req/s per round`);
  console.log(row('bare node:http', summary.bare));
  if (summary.busy !== undefined) console.log(row(`bare + ${busyUs} us busy-wait`, summary.busy));
  console.log(row('bare + signing (agora-tokens)', summary.sign));
  console.log(row('bare + signing (agora-token)', summary.official));
  console.log(row('token server', summary.token));
  console.log(row('token server through Express', summary.express));
  console.log(row('Express alone (answering like bare)', summary['express-bare']));
  console.log(row('token server, 2 workers', summary.workers));
  console.log(`throughput ratio token/bare: ${ratio.toFixed(2)} (per round: ${perRoundRatios.map((r) => r.toFixed(2)).join(', ')})`);
  console.log(`bare+signing with agora-tokens / with agora-token: ${officialRatio.toFixed(2)}x the throughput`);
  for (const t of targets) {
    const met = t.atMost ? t.value <= t.bound : t.value >= t.bound;
    console.log(`${t.name}: ${t.value.toFixed(2)} (target ${t.atMost ? '<=' : '>='} ${t.bound}) ${met ? 'met' : 'MISSED'}`);
  }
  console.log(`signing one token in-process (buildRtcToken): ${signingUs.toFixed(1)} us`);
  // Express's own cost (Express alone minus bare), taken out of the Express path: what the
  // handler costs as middleware beyond the direct path.
  const inExpress = median(runs.express.map((r, i) => (r.cpuPerRequestUs - (runs['express-bare'][i].cpuPerRequestUs - runs.bare[i].cpuPerRequestUs)) / runs.token[i].cpuPerRequestUs));
  console.log(`Express alone costs ${(summary['express-bare'].cpuPerRequestUs - summary.bare.cpuPerRequestUs).toFixed(1)} us/req over bare; without it, the handler as middleware costs ${inExpress.toFixed(2)}x the direct path`);
  if (summary.busy !== undefined) {
    const busyRatio = median(perRound('busy', 'bare'));
    console.log(`control: the bare server busy-waiting ${busyUs} us per request keeps ${busyRatio.toFixed(2)} of its throughput`);
  }
  const errors = KINDS.map((kind) => `${kind} ${summary[kind].errors}`).join(', ');
  if (KINDS.some((kind) => summary[kind].errors > 0)) console.log(`non-200 answers: ${errors}`);
}
