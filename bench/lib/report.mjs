// Renders results as aligned text (terminal) or Markdown (docs). Both come from the same
// table model so the docs can never disagree with what the run printed.

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function fmtOps(value) {
  return int.format(value);
}

export function fmtRatio(value) {
  return value === null || value === undefined ? '—' : `${value.toFixed(2)}×`;
}

function fmtUs(value) {
  if (value >= 1000) return int.format(value);
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function fmtMs(value) {
  return value.toFixed(1);
}

function fmtBytes(value) {
  return value >= 10 * 1024 ? `${(value / 1024).toFixed(1)} KiB` : `${int.format(value)} B`;
}

function fmtSpread(s) {
  if (!s) return '—';
  return `${s.q1.toFixed(2)}–${s.q3.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
}

function verdict(ok) {
  if (ok === null || ok === undefined) return '';
  return ok ? 'PASS' : 'FAIL';
}

/** Table model: { title, note?, headers, align ('l'|'r')[], rows: string[][], after?: string[] } */
export function tables(results) {
  const out = [];
  if (results.throughput) {
    out.push({
      title: 'Throughput (ops/s, median of interleaved rounds; ratio = ours / official; clean rounds = undisturbed / run)',
      headers: ['Operation', 'Ours ops/s', 'Official', 'Official ops/s', 'Ratio', 'Round ratios IQR (min–max)', 'CPU-time ratio', 'Clean rounds', 'Target'],
      align: ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
      rows: results.throughput.map((r) => [
        r.label,
        fmtOps(r.oursOpsPerSec),
        r.official,
        fmtOps(r.officialOpsPerSec),
        fmtRatio(r.ratio),
        fmtSpread(r.ratioSpread),
        fmtRatio(r.cpuTimeRatio),
        r.onlyCleanRounds ? `${r.usedRounds}/${r.rounds}` : `${r.rounds} (unfiltered)`,
        r.target ? `≥ ${r.target}× ${verdict(r.meetsTarget)}` : '',
      ]),
    });
  }
  if (results.sizeCurve) {
    const { points, build, parseVerify } = results.sizeCurve;
    out.push({
      title: '007 RTM2 size curve (µs per operation; µs/KiB of permission list)',
      headers: [
        'List',
        'Resources',
        'Token chars',
        'Build ours µs',
        'µs/KiB',
        'agora-token µs',
        'Ratio',
        'Parse+verify ours µs',
        'µs/KiB',
        'agora-token µs',
        'Ratio',
      ],
      align: ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows: points.map((p) => [
        `${(p.packedBytes / 1024).toFixed(1)} KiB`,
        int.format(p.resources),
        int.format(p.tokenChars),
        fmtUs(p.build.oursUs),
        fmtUs(p.build.oursUsPerKiB),
        fmtUs(p.build.officialUs),
        fmtRatio(p.build.ratio),
        fmtUs(p.parseVerify.oursUs),
        fmtUs(p.parseVerify.oursUsPerKiB),
        fmtUs(p.parseVerify.officialUs),
        fmtRatio(p.parseVerify.ratio),
      ]),
      after: [
        linearityLine('build', build),
        linearityLine('parse+verify', parseVerify),
      ],
    });
  }
  if (results.importCost) {
    const { cost, entry007, spawns } = results.importCost;
    out.push({
      title: `Cold import (ms inside a fresh process around \`await import()\`, median of ${spawns} spawns)`,
      headers: ['Module', 'Median ms', 'IQR ms', 'Public built-ins loaded by the import'],
      align: ['l', 'r', 'r', 'l'],
      rows: cost.map((c) => [c.label, fmtMs(c.medianMs), `${fmtMs(c.q1Ms)}–${fmtMs(c.q3Ms)}`, c.builtinsLoaded.join(', ') || '—']),
      after: [
        `agora-tokens/007 import: ${fmtMs(entry007.medianMs)} ms (target < 20 ms) ${verdict(entry007.meetsTarget)}; ` +
          `our code alone (built-ins and loader warm) ${fmtMs(entry007.ownMs)} ms; node:crypto + node:zlib alone ${fmtMs(entry007.builtinsBaselineMs)} ms`,
        `agora-tokens/007 loads ${entry007.files.length} files (${fmtBytes(entry007.totalBytes)}): ${entry007.files.map((f) => f.file).join(', ')}`,
        `  built-ins imported: ${entry007.builtins.join(', ') || 'none'}; named for lazy loading: ${entry007.builtinNamesMentioned.join(', ') || 'none'}; ` +
          `loaded by the import at run time: ${entry007.runtimeBuiltins.join(', ') || 'none'}; dynamic imports: ${entry007.dynamicImports.join(', ') || 'none'}`,
        `  sources bundled: ${entry007.sources.length} files under src/; server/CLI sources: ${entry007.forbidden.sources.join(', ') || 'none'}; server built-ins: ${entry007.forbidden.builtins.join(', ') || 'none'}  ${verdict(entry007.clean)}`,
      ],
    });
  }
  if (results.bundleSize) {
    out.push({
      title: 'Bundle size per entry (entry + its chunks, esbuild --minify, gzip -9; Node built-ins external)',
      headers: ['Entry', 'Files', 'Built bytes', 'Minified', 'Min + gzip'],
      align: ['l', 'r', 'r', 'r', 'r'],
      rows: results.bundleSize.map((b) =>
        b.missing
          ? [b.entry, '—', 'not built', '—', '—']
          : [
              b.official ? `${b.entry} (official, reference)` : b.entry === 'index' ? 'agora-tokens' : `agora-tokens/${b.entry}`,
              b.official ? '—' : String(b.files),
              b.official ? '—' : fmtBytes(b.rawBytes),
              fmtBytes(b.minBytes),
              fmtBytes(b.gzipBytes),
            ],
      ),
    });
  }
  if (results.browserSize) {
    out.push({
      title: 'Browser bundle size (esbuild --platform=browser --minify, no polyfills, gzip -9)',
      headers: ['Bundle', 'Minified', 'Min + gzip', 'Budget (test)', 'Target'],
      align: ['l', 'r', 'r', 'r', 'r'],
      rows: results.browserSize.map((b) => [
        b.id,
        fmtBytes(b.minBytes),
        fmtBytes(b.gzipBytes),
        b.budget === undefined ? '—' : fmtBytes(b.budget),
        b.target === undefined ? '—' : `${fmtBytes(b.target)} ${b.gzipBytes <= b.target ? 'met' : 'missed'}`,
      ]),
    });
  }
  if (results.profile) {
    for (const p of results.profile) {
      out.push({
        title: `Profile: ${p.id} (self time, ${int.format(p.iterations)} iterations; ${p.file} in the OS temp directory)`,
        headers: ['Self %', 'Function'],
        align: ['r', 'l'],
        rows: p.top.map((t) => [`${(t.share * 100).toFixed(1)}%`, t.fn]),
      });
    }
  }
  return out;
}

function linearityLine(name, l) {
  const s = l.slopeUsPerKiB;
  return (
    `${name} (judged on ${l.basis}): µs/KiB ${fmtUs(l.usPerKiB.smallest)} at the smallest size, ${fmtUs(l.usPerKiB.largest)} at the largest = ${l.perKiBGrowth.toFixed(2)}× ` +
    `${l.linear ? 'PASS (≤ 2×)' : 'FAIL (> 2×)'}; ` +
    `slope ${s.sizesSmall[0]}–${s.sizesSmall[s.sizesSmall.length - 1]} KiB ${fmtUs(s.small)} µs/KiB, ` +
    `${s.sizesLarge[0]}–${s.sizesLarge[s.sizesLarge.length - 1]} KiB ${fmtUs(s.large)} µs/KiB (${l.slopeGrowth.toFixed(2)}×${l.slopeGrowth > 2 ? ', WARN: superlinear?' : ''}); ` +
    `whole-range fit ${fmtUs(l.fit.intercept)} µs + ${fmtUs(l.fit.slope)} µs/KiB, R² ${l.fit.r2.toFixed(4)}`
  );
}

export function renderText(model) {
  const lines = [];
  for (const t of model) {
    lines.push('', t.title);
    const widths = t.headers.map((h, i) => Math.max(h.length, ...t.rows.map((r) => r[i].length)));
    const cell = (value, i) => (t.align[i] === 'r' ? value.padStart(widths[i]) : value.padEnd(widths[i]));
    lines.push(t.headers.map(cell).join('  '));
    lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of t.rows) lines.push(row.map(cell).join('  ').trimEnd());
    for (const a of t.after ?? []) lines.push(a);
  }
  return lines.join('\n');
}

export function renderMarkdown(model) {
  const lines = [];
  const esc = (s) => s.replaceAll('|', '\\|');
  for (const t of model) {
    lines.push(`#### ${t.title}`, '');
    lines.push(`| ${t.headers.map(esc).join(' | ')} |`);
    lines.push(`|${t.align.map((a) => (a === 'r' ? '---:' : ':---')).join('|')}|`);
    for (const row of t.rows) lines.push(`| ${row.map(esc).join(' | ')} |`);
    if (t.after?.length) {
      lines.push('');
      for (const a of t.after) lines.push(`- ${a.trim()}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The short ratio table meant for the README. */
export function readmeTable(results) {
  const pick = (id) => results.throughput?.find((r) => r.id === id);
  const rows = [
    ['006 build', pick('006-build'), 'agora-access-token'],
    ['007 build', pick('007-build'), 'agora-token'],
    ['007 parse + verify', pick('007-parse-verify'), 'agora-token'],
  ].filter(([, r]) => r);
  const lines = ['| Operation | vs | Throughput ratio |', '|:---|:---|---:|'];
  for (const [name, r, vs] of rows) lines.push(`| ${name} | \`${vs}\` | ${fmtRatio(r.ratio)} |`);
  const i007 = results.importCost?.entry007;
  if (i007) lines.push(`| \`import 'agora-tokens/007'\` (cold) | | ${fmtMs(i007.medianMs)} ms |`);
  return lines.join('\n');
}
