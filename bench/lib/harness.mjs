// Interleaved A/B timing. On a shared, noisy machine the absolute ops/s drift from second
// to second; what stays meaningful is the ratio of two contenders measured in adjacent
// batches. So every round runs one batch of each side back to back (alternating which goes
// first, ABBA, so neither always inherits the other's GC debt or cache state) and the
// result is the median of each side plus the spread of the per-round ratios.

import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
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

function timeBatch(loop, n) {
  collect();
  const t0 = process.hrtime.bigint();
  const s = loop(n);
  const t1 = process.hrtime.bigint();
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

/**
 * Measures two contenders in alternating batches.
 *
 * @param {{ a: () => number, b: () => number, rounds: number, batchMs: number, warmupMs: number }} spec
 *   `a` is ours, `b` the official package.
 * @returns per side: median ops/s, all per-round ops/s; `ratio` = median(a) / median(b);
 *   per-round ratios with their quartiles and extremes.
 */
export function compare({ a, b, rounds, batchMs, warmupMs }) {
  const loopA = makeLoop(a);
  const loopB = b ? makeLoop(b) : null;
  // Warm both in small alternating slices so the JIT sees each with the other present.
  for (let i = 0; i < 4; i++) {
    warm(loopA, warmupMs / 4);
    if (loopB) warm(loopB, warmupMs / 4);
  }
  const targetNs = batchMs * 1e6;
  const nA = calibrate(loopA, targetNs);
  const nB = loopB ? calibrate(loopB, targetNs) : 0;
  const opsA = [];
  const opsB = [];
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    let nsA;
    let nsB;
    if (!loopB) {
      nsA = timeBatch(loopA, nA);
    } else if (r % 4 === 0 || r % 4 === 3) {
      nsA = timeBatch(loopA, nA);
      nsB = timeBatch(loopB, nB);
    } else {
      nsB = timeBatch(loopB, nB);
      nsA = timeBatch(loopA, nA);
    }
    const a1 = (nA * 1e9) / nsA;
    opsA.push(a1);
    if (loopB) {
      const b1 = (nB * 1e9) / nsB;
      opsB.push(b1);
      ratios.push(a1 / b1);
    }
  }
  const medA = median(opsA);
  const medB = loopB ? median(opsB) : null;
  return {
    rounds,
    batchIterations: { ours: nA, official: loopB ? nB : null },
    ours: { opsPerSec: medA, usPerOp: 1e6 / medA, rounds: opsA },
    official: loopB ? { opsPerSec: medB, usPerOp: 1e6 / medB, rounds: opsB } : null,
    ratio: loopB ? medA / medB : null,
    ratioSpread: loopB
      ? { min: Math.min(...ratios), q1: quantile(ratios, 0.25), median: median(ratios), q3: quantile(ratios, 0.75), max: Math.max(...ratios) }
      : null,
  };
}
