// Node 20 before 20.16 has no process.getBuiltinModule: simulated by deleting it before the
// built package loads, in ESM and CJS; a large RTM2 token (HMAC over well over 2 KiB) must
// come out byte-identical either way.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

const BODY = `
const p = new m.Rtm2Permissions();
p.add(0, 0, Array.from({ length: 64 }, (_, n) => 'channel-' + n + '-' + 'x'.repeat(40)));
console.log(m.RtmTokenBuilder.buildTokenWithPermissions('970CA35de60c44645bbae8a215061b33', '5CFd2fd1755d40ecb72977518be15d3b', 'large-user', p, 3600, { salt: 4242, now: 1700000000 }));`;

function run(kind: 'esm' | 'cjs', withoutGetBuiltinModule: boolean): string {
  const prelude = withoutGetBuiltinModule ? 'delete process.getBuiltinModule;' : '';
  const code =
    kind === 'esm'
      ? `${prelude} const m = await import('agora-tokens/007'); ${BODY}`
      : `${prelude} const m = require('agora-tokens/007'); ${BODY}`;
  const args = kind === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code];
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim();
}

beforeAll(() => {
  if (!existsSync(`${root}/dist/007.js`)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
}, 120_000);

describe('Node without process.getBuiltinModule', () => {
  it('builds a large RTM2 token byte-identical to Node with it, in ESM and CJS', () => {
    const reference = run('esm', false);
    expect(reference).toMatch(/^007/);
    expect(run('esm', true)).toBe(reference);
    expect(run('cjs', true)).toBe(reference);
    expect(run('cjs', false)).toBe(reference);
  }, 30_000);
});
