// The built `agora-tokens/legacy` entry resolves through the package's `exports` in both
// module systems and builds the official DynamicKey5 test key.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const EXPECTED = '005AQAoAEJERTJDRDdFNkZDNkU0ODYxNkYxQTYwOUVFNTM1M0U5ODNCQjFDNDQQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA==';
const CALL = "m.DynamicKey5.generateMediaChannelKey('970ca35de60c44645bbae8a215061b33', '5cfd2fd1755d40ecb72977518be15d3b', '7d72365eb983485397e3e3f9d460bdda', 1446455472, 58964981, 2882341273, 1446455471)";

const node = (args: string[]): string => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim();

beforeAll(() => {
  if (!existsSync(`${root}/dist/legacy.js`)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
});

describe('agora-tokens/legacy as installed', () => {
  it('loads with import and require, with types for both', () => {
    expect(node(['--input-type=module', '-e', `import * as m from 'agora-tokens/legacy'; console.log(${CALL})`])).toBe(EXPECTED);
    expect(node(['-e', `const m = require('agora-tokens/legacy'); console.log(${CALL})`])).toBe(EXPECTED);
    expect(existsSync(`${root}/dist/legacy.d.ts`) && existsSync(`${root}/dist/legacy.d.cts`)).toBe(true);
  });
});
