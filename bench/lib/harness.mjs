// Interleaved A/B timing. On a shared, noisy machine the absolute ops/s drift from second
// to second; what stays meaningful is the ratio of two contenders measured in adjacent
// batches. So every round runs one batch of each side back to back (alternating which goes
// first, ABBA, so neither always inherits the other's GC debt or cache state) and the
// result is the median of each side plus the spread of the per-round ratios.

import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { readFileSync } from 'node:fs';
import { quantile, median } from './stats.mjs';

// Results are summed into this and printed at the end, so no loop body can be proven dead.
let sink = 0;

/** Everything the timed loops produced; print it so the work cannot be optimised away. */
export function sinkValue() {
  return sink;
}

// A full collection before each batch (outside the timed region) means each batch pays for
// its own allocations, not for garbage left by the other side's batch.
const collect = (() => {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc');
    if (typeof gc === 'function') return gc;
  } catch {
    // fall through: timings stay valid, only noisier
  }
  return () => {};
})();

/**
 * A timing loop of its own for `fn`. Compiling a fresh loop per operation keeps each call
 * site monomorphic: a shared loop calling many different functions would go megamorphic
 * and tax whichever side happens to be measured after the type feedback degraded.
 * `fn` must return a number (a token length, a field of the decoded token...).
 */
export function makeLoop(fn) {
  // eslint-disable-next-line no-new-func
  return new Function('fn', 'return function loop(n) { let s = 0; for (let i = 0; i < n; i++) s += fn(); return s; };')(fn);
}

// Linux reports, per thread, the nanoseconds it spent waiting for a core while runnable
// (/proc/thread-self/schedstat, second field). A batch whose main thread waited a
// noticeable share of its wall time was measuring the other jobs on the machine. (The
// running-time field is no use for this: the main thread also sleeps, legitimately, while
// V8's helper threads finish a parallel garbage collection.) Elsewhere the wait is unknown
// and every batch counts.
function mainThreadWaitNs() {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[1]);
  } catch {
    return Number.NaN;
  }
}

// Process CPU time (all threads, so it includes V8's parallel GC work each side causes)
// gives a second ratio that waiting for a core cannot inflate.
let lastCpuUs = 0;
let lastWaitShare = Number.NaN;

function timeBatch(loop, n) {
  collect();
  const w0 = mainThreadWaitNs();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const s = loop(n);
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage(c0);
  const w1 = mainThreadWaitNs();
  lastCpuUs = c1.user + c1.system;
  lastWaitShare = (w1 - w0) / Number(t1 - t0);
  sink = (sink + (typeof s === 'number' ? s : 0)) % 0x7fffffff;
  return Number(t1 - t0);
}

/** Iterations that take about `targetNs` for this loop (already warm). */
function calibrate(loop, targetNs) {
  let n = 1;
  for (;;) {
    const ns = timeBatch(loop, n);
    if (ns >= targetNs / 8 || n >= 1 << 26) return Math.max(1, Math.round((n * targetNs) / Math.max(ns, 1)));
    n *= ns < targetNs / 64 ? 8 : 2;
  }
}

function warm(loop, ms) {
  const deadline = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
  let n = 1;
  while (process.hrtime.bigint() < deadline) {
    timeBatch(loop, n);
    if (n < 1 << 20) n *= 2;
  }
}

/** A batch counts as undisturbed when its main thread waited for a core at most this share of it. */
export const MAX_WAIT_SHARE = 0.05;

/**
 * Measures two contenders in alternating batches.
 *
 * A round in which either batch's main thread spent more than a few percent of its wall
 * time waiting for a core (another job on the machine had it) measured the machine, not the
 * code; such rounds are dropped as a whole, never one side alone, and replaced by extra
 * rounds (at most half as many again) if the machine is quiet often enough for that to
 * help. When too few clean rounds remain, all rounds are used and the result says so.
 * A second ratio, from process CPU time, stays meaningful even when every round was
 * disturbed.
 *
 * @param {{ a: () => number, b: () => number, rounds: number, batchMs: number, warmupMs: number }} spec
 *   `a` is ours, `b` the official package.
 * @returns per side: median ops/s; `ratio` = median(a) / median(b) over the rounds used;
 *   per-round ratios with their quartiles and extremes; `cpuTimeRatio`, the same ratio
 *   of medians computed from process CPU time (all threads) instead of wall time, over all
 *   rounds; every round's raw data.
 */
export function compare({ a, b, rounds, batchMs, warmupMs }) {
  const loopA = makeLoop(a);
  const loopB = makeLoop(b);
  // Warm both in small alternating slices so the JIT sees each with the other present.
  for (let i = 0; i < 4; i++) {
    warm(loopA, warmupMs / 4);
    warm(loopB, warmupMs / 4);
  }
  const targetNs = batchMs * 1e6;
  const nA = calibrate(loopA, targetNs);
  const nB = calibrate(loopB, targetNs);
  const all = [];
  const maxRounds = Math.ceil(rounds * 1.5);
  const batch = (loop, n) => {
    const ns = timeBatch(loop, n);
    return {
      ops: (n * 1e9) / ns,
      cpuOps: (n * 1e6) / Math.max(lastCpuUs, 1),
      waitShare: lastWaitShare,
    };
  };
  let clean = 0;
  for (let r = 0; r < maxRounds && clean < rounds; r++) {
    // ABBA order: neither side always runs right after the other's batch.
    let x;
    let y;
    if (r % 4 === 0 || r % 4 === 3) {
      x = batch(loopA, nA);
      y = batch(loopB, nB);
    } else {
      y = batch(loopB, nB);
      x = batch(loopA, nA);
    }
    // Without schedstat the wait is unknown (NaN) and no round is singled out.
    const known = !Number.isNaN(x.waitShare) && !Number.isNaN(y.waitShare);
    const isClean = !known || (x.waitShare <= MAX_WAIT_SHARE && y.waitShare <= MAX_WAIT_SHARE);
    if (isClean) clean++;
    all.push({ ours: x, official: y, ratio: x.ops / y.ops, clean: isClean });
    // Past the planned rounds, keep going only while clean rounds are missing and the
    // machine is quiet often enough (a quarter of the rounds so far) to supply them.
    if (r + 1 >= rounds && (clean >= Math.ceil(rounds / 2) || clean < (r + 1) / 4)) break;
  }
  const enoughClean = clean >= Math.max(5, Math.ceil(rounds / 2));
  const used = enoughClean ? all.filter((x) => x.clean) : all;
  const opsA = used.map((x) => x.ours.ops);
  const opsB = used.map((x) => x.official.ops);
  const ratios = used.map((x) => x.ratio);
  const medA = median(opsA);
  const medB = median(opsB);
  return {
    rounds: all.length,
    cleanRounds: clean,
    usedRounds: used.length,
    onlyCleanRounds: enoughClean,
    batchIterations: { ours: nA, official: nB },
    ours: { opsPerSec: medA, usPerOp: 1e6 / medA, cpuUsPerOp: 1e6 / median(all.map((x) => x.ours.cpuOps)) },
    official: { opsPerSec: medB, usPerOp: 1e6 / medB, cpuUsPerOp: 1e6 / median(all.map((x) => x.official.cpuOps)) },
    ratio: medA / medB,
    cpuTimeRatio: median(all.map((x) => x.ours.cpuOps)) / median(all.map((x) => x.official.cpuOps)),
    ratioSpread: { min: Math.min(...ratios), q1: quantile(ratios, 0.25), median: median(ratios), q3: quantile(ratios, 0.75), max: Math.max(...ratios) },
    raw: all.map((x) => ({
      oursOps: Math.round(x.ours.ops),
      officialOps: Math.round(x.official.ops),
      oursCpuOps: Math.round(x.ours.cpuOps),
      officialCpuOps: Math.round(x.official.cpuOps),
      oursWaitShare: Number(x.ours.waitShare.toFixed(3)),
      officialWaitShare: Number(x.official.waitShare.toFixed(3)),
      clean: x.clean,
    })),
  };
}
