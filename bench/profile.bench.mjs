// Where our time goes: sample the V8 CPU profiler over a tight loop of one operation and
// rank functions by self time. Run through `node bench/run.mjs --profile`; the raw
// .cpuprofile files are written to the OS temp directory for DevTools.

import { Session } from 'node:inspector/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { makeLoop } from './lib/harness.mjs';
import { APP_CERTIFICATE, APP_ID, CHANNEL, EXPIRE, RTM_USER, UID, permissionList, toPermissions } from './lib/fixtures.mjs';

function profiledOperations({ ours, official }) {
  const { v006, v007, index } = ours;
  const token007 = official.current.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, 1, EXPIRE, EXPIRE);
  const bigPermissions = toPermissions(v007.Rtm2Permissions, permissionList(60 * 1024));
  const buildBig = () => v007.RtmTokenBuilder.buildTokenWithPermissions(APP_ID, APP_CERTIFICATE, RTM_USER, bigPermissions, EXPIRE);
  const bigToken = buildBig();
  const ts006 = Math.floor(Date.now() / 1000) + EXPIRE;
  const verifyOptions = { appCertificate: APP_CERTIFICATE };
  return [
    { id: '007-build', fn: () => v007.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, 1, EXPIRE, EXPIRE).length },
    { id: '007-parse-verify', fn: () => index.verifyToken(token007, verifyOptions).salt },
    { id: '006-build', fn: () => v006.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, 1, ts006).length },
    { id: '007-rtm2-60k-build', fn: () => buildBig().length },
    { id: '007-rtm2-60k-parse-verify', fn: () => index.verifyToken(bigToken, verifyOptions).salt },
  ];
}

// Bundles mark where each source file starts with a `// src/...` comment; a line number
// in a chunk maps back to the source file that owns it.
const sourceMaps = new Map();
function sourceOf(url, line) {
  if (!url.startsWith('file:')) return null;
  if (!sourceMaps.has(url)) {
    const markers = [];
    try {
      readFileSync(fileURLToPath(url), 'utf8')
        .split('\n')
        .forEach((text, i) => {
          const m = /^\/\/ (src\/\S+\.ts)$/.exec(text);
          if (m) markers.push([i + 1, m[1]]);
        });
    } catch {
      // the temporary build may be gone; fall back to the chunk name
    }
    sourceMaps.set(url, markers);
  }
  let found = null;
  for (const [start, file] of sourceMaps.get(url)) if (start <= line) found = file;
  return found;
}

/** Self time per function (name + source file), largest first, as shares of all samples. */
function selfTimes(profile) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byNode.get(profile.samples[i]);
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const { functionName, url, lineNumber } = node.callFrame;
    // Chunk line numbers mean nothing in src/, so a mapped frame shows only its source file.
    const where = url ? (sourceOf(url, lineNumber + 1) ?? `${basename(url)}:${lineNumber + 1}`) : '';
    const key = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  return [...self.entries()]
    .map(([fn, us]) => ({ fn, share: us / total }))
    .sort((x, y) => y.share - x.share);
}

export async function run(context, { seconds, top = 12 }, log = () => {}) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  const results = [];
  for (const op of profiledOperations(context)) {
    const loop = makeLoop(op.fn);
    loop(2000); // let the JIT settle before sampling
    await session.post('Profiler.start');
    const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
    let iterations = 0;
    while (process.hrtime.bigint() < deadline) {
      loop(200);
      iterations += 200;
    }
    const { profile } = await session.post('Profiler.stop');
    const file = join(tmpdir(), `agora-tokens-${op.id}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    // Only the name goes into the results (they may be committed); the log has the path.
    const result = { id: op.id, iterations, file: basename(file), top: selfTimes(profile).slice(0, top) };
    process.stderr.write(`  wrote ${file}\n`);
    results.push(result);
    log(result);
  }
  await session.post('Profiler.disable');
  session.disconnect();
  return results;
}
