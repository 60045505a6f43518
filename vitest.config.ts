import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Tests that start real runtimes, browsers, servers in child processes, or packers. */
const SLOW = [
  'test/runtimes/**/*.test.ts',
  'test/package/**/*.test.ts',
  'test/client/browser*.test.ts',
  'test/legacy/browser.test.ts',
  'test/playground/**/*.test.ts',
  'test/cli/binary.test.ts',
  'test/server/redis-store.test.ts',
  'test/server/cluster.test.ts',
  'test/readme.test.ts',
];

/** Test files with fast-check properties: quick in the unit run, with all their runs in the thorough one. */
function propertyFiles(dir = join(ROOT, 'test')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return propertyFiles(path);
    if (!entry.name.endsWith('.test.ts') || !/from 'fast-check'/.test(readFileSync(path, 'utf8'))) return [];
    return [relative(ROOT, path)];
  });
}

// Two projects: `unit` is `npm test`, the quick run while working (no build needed, every
// property at a tenth of its runs, see test/support/depth.ts); `npm run test:all`, which CI
// runs, adds `thorough`: the slow tests and every property with all its runs.
export default defineConfig({
  test: {
    // Long enough for the longest properties on a loaded 2-core machine; anything that can
    // hang (servers, sockets, child processes) is bounded in the test itself.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism()),
    setupFiles: ['test/support/setup-depth.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: SLOW, env: { AGORA_TOKENS_TEST_DEPTH: 'quick' } } },
      { extends: true, test: { name: 'thorough', include: [...SLOW, ...propertyFiles()], env: { AGORA_TOKENS_TEST_DEPTH: 'full' } } },
    ],
  },
});
