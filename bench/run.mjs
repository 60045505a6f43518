#!/usr/bin/env node
// Benchmark runner: `npm run bench` (builds, then runs everything here).
//
//   node bench/run.mjs [--quick] [--from-src] [--only=throughput,size,import,bundle,profile]
//                      [--profile] [--docs] [--check]
//
//   --quick     few short rounds: a smoke test, not a measurement
//   --from-src  bundle src/ with esbuild into a temp dir instead of using dist/
//   --only      run only the named sections (default: all but profile)
//   --profile   also sample the CPU profiler over our hot operations
//   --docs      rewrite the generated part of docs/benchmarks.md with this run
//   --check     exit 1 when a target of the issue is missed
//
// Writes bench/results/latest.json (complete full runs), latest-quick.json (--quick) or
// latest-partial.json (--only).

import { mkdirSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildFromSource, loadOfficial, loadOurs, snapshotDist } from './lib/load.mjs';
import { sinkValue } from './lib/harness.mjs';
import { environment } from './lib/env.mjs';
import { fmtOps, fmtRatio, readmeTable, renderMarkdown, renderText, tables } from './lib/report.mjs';
import * as throughput from './throughput.bench.mjs';
import * as sizeCurve from './size-curve.bench.mjs';
import * as importCost from './import.bench.mjs';
import * as bundleSize from './bundle-size.bench.mjs';
import * as profile from './profile.bench.mjs';

const SECTIONS = ['throughput', 'size', 'import', 'bundle', 'profile'];

// Full settings keep the whole run under about two minutes on two cores: 24 rounds of
// 150 ms per side and operation are enough for the per-round ratio IQR to settle within a
// few percent even with other work on the machine.
const SETTINGS = {
  full: {
    throughput: { rounds: 24, batchMs: 150, warmupMs: 400 },
    size: { rounds: 12, batchMs: 100, warmupMs: 200 },
    import: { spawns: 10 },
    profile: { seconds: 3 },
  },
  quick: {
    throughput: { rounds: 4, batchMs: 25, warmupMs: 50 },
    size: { rounds: 3, batchMs: 25, warmupMs: 30 },
    import: { spawns: 3 },
    profile: { seconds: 0.5 },
  },
};

/** A mistake on the command line: reported without a stack trace. */
function usage(message) {
  return Object.assign(new Error(message), { usage: true });
}

function parseArgs(argv) {
  const flags = { quick: false, fromSrc: false, profile: false, docs: false, check: false, only: null };
  for (const arg of argv) {
    if (arg === '--quick') flags.quick = true;
    else if (arg === '--from-src') flags.fromSrc = true;
    else if (arg === '--profile') flags.profile = true;
    else if (arg === '--docs') flags.docs = true;
    else if (arg === '--check') flags.check = true;
    else if (arg.startsWith('--only=')) {
      flags.only = arg.slice(7).split(',').filter(Boolean);
      const unknown = flags.only.filter((s) => !SECTIONS.includes(s));
      if (unknown.length) throw usage(`unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 16).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
      process.exit(0);
    } else throw usage(`unknown argument ${arg} (try --help)`);
  }
  if (flags.docs && flags.only) throw usage('--docs rewrites the whole results section: run every section (drop --only)');
  const sections = flags.only ?? SECTIONS.filter((s) => s !== 'profile' || flags.profile);
  return { ...flags, sections };
}

const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  const flags = parseArgs(process.argv.slice(2));
  const settings = flags.quick ? SETTINGS.quick : SETTINGS.full;
  const started = process.hrtime.bigint();

  let dir;
  let source = 'dist';
  let notBuilt = [];
  if (!flags.fromSrc) {
    dir = snapshotDist();
  } else {
    const built = await buildFromSource();
    dir = built.dir;
    source = 'src (esbuild, temporary)';
    notBuilt = built.missing;
    log(`built src/ into ${dir}${built.missing.length ? ` (entries without sources yet: ${built.missing.join(', ')})` : ''}`);
  }
  const ours = await loadOurs(dir);
  const official = loadOfficial();
  const context = { ours, official, dir };

  const results = { environment: { ...environment(), source, notBuilt, quick: flags.quick }, settings };
  log(`node ${results.environment.node} on ${results.environment.cpu} ×${results.environment.cores}; ours from ${source}; ${flags.quick ? 'QUICK run (smoke test, not a measurement)' : 'full run'}`);

  // A failing section is reported and the others still run: one broken entry (say, a
  // server that does not build yet) must not cost the whole measurement.
  results.errors = {};
  const section = async (name, title, fn) => {
    if (!flags.sections.includes(name)) return;
    log(`\n== ${title}`);
    try {
      await fn();
    } catch (error) {
      results.errors[name] = String(error?.message ?? error).split('\n')[0];
      log(`  FAILED: ${error?.stack ?? error}`);
    }
  };
  await section('throughput', 'throughput', () => {
    results.throughput = throughput.run(context, settings.throughput, (r) =>
      log(`  ${r.id.padEnd(18)} ours ${fmtOps(r.oursOpsPerSec).padStart(9)}/s  official ${fmtOps(r.officialOpsPerSec).padStart(9)}/s  ${fmtRatio(r.ratio)}`),
    );
  });
  await section('size', 'size curve', () => {
    results.sizeCurve = sizeCurve.run(context, settings.size, (p) =>
      log(`  ${(p.packedBytes / 1024).toFixed(1).padStart(5)} KiB  build ${p.build.oursUs.toFixed(1)} µs (${fmtRatio(p.build.ratio)})  parse+verify ${p.parseVerify.oursUs.toFixed(1)} µs (${fmtRatio(p.parseVerify.ratio)})`),
    );
  });
  await section('import', 'import cost', async () => {
    results.importCost = await importCost.run(context, settings.import, (c) => log(`  ${c.label.padEnd(34)} ${c.medianMs.toFixed(1)} ms`));
  });
  await section('bundle', 'bundle size', async () => {
    results.bundleSize = await bundleSize.run(context, {}, (b) => log(`  ${b.entry.padEnd(18)} ${b.gzipBytes} B min+gz`));
    results.browserSize = await bundleSize.runBrowser(context, (b) => log(`  browser: ${b.id.padEnd(32)} ${b.gzipBytes} B min+gz`));
  });
  await section('profile', 'profile', async () => {
    results.profile = await profile.run(context, settings.profile, (p) => log(`  ${p.id}: top ${p.top[0]?.fn ?? '—'}`));
  });

  results.targets = targetSummary(results);
  results.sink = sinkValue();
  results.elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const model = tables(results);
  process.stdout.write(`${renderText(model)}\n\n`);
  process.stdout.write(`Targets:\n${results.targets.map((t) => `  ${t.ok ? 'PASS' : 'FAIL'}  ${t.name}: ${t.detail}`).join('\n')}\n`);
  for (const [name, message] of Object.entries(results.errors)) process.stdout.write(`  FAIL  section ${name} did not run: ${message}\n`);
  process.stdout.write(`\n(sink ${results.sink}; ${results.elapsedSeconds.toFixed(0)} s)\n`);

  const outDir = join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  // Only a complete full run replaces latest.json, the file the docs and README quote.
  const jsonFile = join(outDir, flags.quick ? 'latest-quick.json' : flags.only ? 'latest-partial.json' : 'latest.json');
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nwrote ${jsonFile}`);
  if (flags.docs) {
    writeDocs(results, model, flags);
    log(`wrote ${join(ROOT, 'docs', 'benchmarks.md')}`);
  }
  rmSync(dir, { recursive: true, force: true });
  if (flags.check && (results.targets.some((t) => !t.ok) || Object.keys(results.errors).length > 0)) process.exitCode = 1;
}

function targetSummary(results) {
  const out = [];
  for (const r of results.throughput ?? []) {
    if (r.target) out.push({ name: r.id, ok: r.meetsTarget, detail: `${fmtRatio(r.ratio)} (target ≥ ${r.target}×)` });
  }
  if (results.sizeCurve) {
    for (const key of ['build', 'parseVerify']) {
      const l = results.sizeCurve[key];
      out.push({
        name: `rtm2 size curve ${key}`,
        ok: l.linear,
        detail: `µs/KiB growth 1→60 KiB ${l.perKiBGrowth.toFixed(2)}× (bound 2×); slope growth small→large sizes ${l.slopeGrowth.toFixed(2)}×; R² ${l.fit.r2.toFixed(4)}`,
      });
    }
  }
  if (results.importCost) {
    const e = results.importCost.entry007;
    out.push({ name: 'import 007 < 20 ms', ok: e.meetsTarget, detail: `${e.medianMs.toFixed(1)} ms` });
    out.push({
      name: 'import 007 loads no server/CLI code',
      ok: e.clean,
      detail: e.clean ? `${e.files.length} files, built-ins: ${e.builtins.join(', ')}` : JSON.stringify(e.forbidden),
    });
  }
  return out;
}

const BEGIN = '<!-- bench:results:begin (generated by `node bench/run.mjs --docs`; do not edit by hand) -->';
const END = '<!-- bench:results:end -->';

function writeDocs(results, model, flags) {
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const env = results.environment;
  const command = `npm run bench -- --docs${flags.fromSrc ? ' --from-src' : ''}${flags.quick ? ' --quick' : ''}`;
  const generated = [
    BEGIN,
    '',
    `Measured ${env.date.slice(0, 10)} on Node ${env.node} (V8 ${env.v8}), ${env.cpu} × ${env.cores} cores, ${env.platform}; ` +
      `load average at start ${env.loadAverage.join(' / ')}; commit ${env.commit ?? 'unknown'}; our code from ${env.source}` +
      `${env.quick ? '; QUICK run (smoke test only)' : ''}. Reproduce with \`${command}\`.`,
    '',
    '#### Summary (README table)',
    '',
    readmeTable(results),
    '',
    renderMarkdown(model.filter((t) => !t.title.startsWith('Profile'))),
    '#### Targets',
    '',
    ...results.targets.map((t) => `- ${t.ok ? 'PASS' : 'FAIL'} ${t.name}: ${t.detail}`),
    '',
    END,
  ].join('\n');
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  let text = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const start = text.indexOf('<!-- bench:results:begin');
  const end = text.indexOf(END);
  text = start >= 0 && end > start ? text.slice(0, start) + generated + text.slice(end + END.length) : `${text.trimEnd()}\n\n${generated}\n`;
  writeFileSync(file, text);
}

main().catch((error) => {
  process.stderr.write(`${error.usage ? `bench: ${error.message}` : (error.stack ?? error)}\n`);
  process.exitCode = 1;
});
