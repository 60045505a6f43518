// Node 20 before 20.16 has no process.getBuiltinModule: simulated by deleting it before the
// built package loads, in ESM and CJS; a large RTM2 token (HMAC over well over 2 KiB) must
// come out byte-identical either way, signed by node:crypto either way (its createHmac is
// counted through the module object the package finds).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

const BODY = `
const p = new m.Rtm2Permissions();
p.add(0, 0, Array.from({ length: 64 }, (_, n) => 'channel-' + n + '-' + 'x'.repeat(40)));
console.log(m.RtmTokenBuilder.buildTokenWithPermissions('970CA35de60c44645bbae8a215061b33', '5CFd2fd1755d40ecb72977518be15d3b', 'large-user', p, 3600, { salt: 4242, now: 1700000000 }));`;

const COUNT_HMACS = `
const nodeCrypto = process.getBuiltinModule('node:crypto');
const createHmac = nodeCrypto.createHmac;
let hmacs = 0;
nodeCrypto.createHmac = (...args) => { hmacs++; return createHmac(...args); };
process.on('exit', () => console.log('createHmac calls: ' + hmacs));`;

/** The token built, and how many times node:crypto's createHmac ran. */
function run(kind: 'esm' | 'cjs', withoutGetBuiltinModule: boolean): { token: string; hmacs: number } {
  const prelude = COUNT_HMACS + (withoutGetBuiltinModule ? 'delete process.getBuiltinModule;' : '');
  const code =
    kind === 'esm'
      ? `${prelude} const m = await import('agora-tokens/007'); ${BODY}`
      : `${prelude} const m = require('agora-tokens/007'); ${BODY}`;
  const args = kind === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code];
  const [token, count] = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim().split('\n');
  return { token: token!, hmacs: Number(count!.replace('createHmac calls: ', '')) };
}

beforeAll(() => {
  if (!existsSync(`${root}/dist/007.js`)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
}, 120_000);

describe('Node without process.getBuiltinModule', () => {
  it('builds a large RTM2 token byte-identical to Node with it, in ESM and CJS, with node:crypto', () => {
    const reference = run('esm', false);
    expect(reference.token).toMatch(/^007/);
    expect(reference.hmacs).toBeGreaterThan(0);
    for (const [kind, without] of [['esm', true], ['cjs', true], ['cjs', false]] as const) {
      expect(run(kind, without), `${kind}${without ? ' without getBuiltinModule' : ''}`).toEqual(reference);
    }
  }, 30_000);
});
