#!/usr/bin/env node
/**
 * Micro-benchmark: our pure-TS zlib deflate/inflate vs node:zlib and pako.
 *
 * Node 20 cannot import .ts directly, so this bundles src/lib/deflate/ and
 * src/lib/inflate/ with esbuild (a dev dependency) into a temporary ESM
 * file under os.tmpdir(), imports it, and times:
 *   - ours zlibDeflate vs zlib.deflateSync vs pako.deflate
 *   - ours zlibInflate vs zlib.inflateSync vs pako.inflate
 * on a ~300-byte token-shaped input, a 4 KiB input and a 60 KiB input.
 * Implementations are run in interleaved rounds so that CPU frequency drift and
 * GC affect them equally; the median round is reported.
 *
 * Usage: node bench/compression.mjs [--quick]
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import pako from 'pako';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');

const dir = mkdtempSync(join(tmpdir(), 'agora-compression-bench-'));
let ours;
try {
  const outfile = join(dir, 'compression.mjs');
  await build({
    stdin: {
      contents:
        "export { zlibDeflate, adler32 } from './src/lib/deflate/index.ts';\n" +
        "export { zlibInflate } from './src/lib/inflate/index.ts';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile,
    logLevel: 'error',
  });
  ours = await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const { zlibDeflate, zlibInflate } = ours;

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

/** Deterministic PRNG so runs are comparable. */
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(7);
const randBytes = (n) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));

/** Roughly what an AccessToken2 ("007") body looks like before compression. */
function tokenShaped() {
  const parts = [];
  const u16 = (n) => Uint8Array.of(n & 0xff, n >>> 8);
  const u32 = (n) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
  const str = (s) => {
    const b = new TextEncoder().encode(s);
    return [u16(b.length), b];
  };
  parts.push(u16(32), randBytes(32)); // signature
  const hex = Array.from(randBytes(16), (b) => b.toString(16).padStart(2, '0')).join('');
  parts.push(...str(hex), u32(1_700_000_000), u32(86_400), u32(123_456_789), u16(4));
  for (let s = 1; s <= 4; s++) {
    parts.push(u16(s), u16(4));
    for (let p = 1; p <= 4; p++) parts.push(u16(p), u32(1_700_003_600 + p * 60));
    parts.push(...str('room-7f3a9c-conference-channel'), ...str('1234567890'));
  }
  const len = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Text-like data with plenty of repeats. */
function textLike(n) {
  const words = ['agora', 'token', 'channel', 'uid', 'privilege', 'expire', 'rtc', 'rtm', 'join'];
  let s = '';
  while (s.length < n) s += words[Math.floor(rand() * words.length)] + (rand() < 0.1 ? '\n' : ' ');
  return new TextEncoder().encode(s.slice(0, n));
}

const inputs = [
  ['token-shaped', tokenShaped()],
  ['4 KiB text', textLike(4096)],
  ['60 KiB text', textLike(60 * 1024)],
];

// ---------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------

let sink = 0;
/** Run `fn` repeatedly for ~`ms` milliseconds; return nanoseconds per call. */
function timeIt(fn, ms) {
  let iters = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms * 1e6);
  let now = start;
  do {
    for (let i = 0; i < 32; i++) sink ^= fn().length;
    iters += 32;
    now = process.hrtime.bigint();
  } while (now - start < budget);
  return Number(now - start) / iters;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function bench(title, cases) {
  const rounds = quick ? 5 : 15;
  const ms = quick ? 40 : 100;
  // Warm up each implementation (JIT) before measuring.
  for (const [, fn] of cases) timeIt(fn, 100);
  const samples = cases.map(() => []);
  for (let r = 0; r < rounds; r++) {
    cases.forEach(([, fn], i) => samples[i].push(timeIt(fn, ms)));
  }
  const results = cases.map(([name], i) => [name, median(samples[i])]);
  const ref = results[0][1];
  console.log(`\n${title}`);
  for (const [name, ns] of results) {
    const us = (ns / 1000).toFixed(2).padStart(9);
    const ops = Math.round(1e9 / ns)
      .toLocaleString('en-US')
      .padStart(11);
    const ratio = (ns / ref).toFixed(2).padStart(6);
    console.log(`  ${name.padEnd(22)} ${us} µs/op ${ops} ops/s   ${ratio}x ours`);
  }
}

console.log(`node ${process.version}, zlib ${process.versions.zlib}, ${process.arch}`);
for (const [name, data] of inputs) {
  const ourZ = zlibDeflate(data);
  const pakoZ = pako.deflate(data);
  const nodeZ = zlib.deflateSync(data);
  const same = Buffer.compare(Buffer.from(ourZ), Buffer.from(pakoZ)) === 0;
  console.log(
    `\n=== ${name}: ${data.length} bytes -> ${ourZ.length} (pako ${pakoZ.length}, node ${nodeZ.length}); ` +
      `identical to pako: ${same}`,
  );
  bench(`deflate (${name})`, [
    ['ours zlibDeflate', () => zlibDeflate(data)],
    ['zlib.deflateSync', () => zlib.deflateSync(data)],
    ['pako.deflate', () => pako.deflate(data)],
  ]);
  const cap = data.length;
  bench(`inflate (${name})`, [
    ['ours zlibInflate', () => zlibInflate(ourZ, cap)],
    ['zlib.inflateSync', () => zlib.inflateSync(ourZ)],
    ['pako.inflate', () => pako.inflate(ourZ)],
  ]);
}
if (sink === 0.5) console.log(sink);
