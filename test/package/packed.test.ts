// The package as npm would publish it: `npm pack`, unpack into a scratch project's
// node_modules, then use it from there with import, require and the bin, as a user would.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let project = '';

beforeAll(() => {
  if (!existsSync(`${root}/dist/index.js`)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
  project = mkdtempSync(join(tmpdir(), 'agora-tokens-packed-'));
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', project], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').pop()!;
  const target = join(project, 'node_modules', 'agora-tokens');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(project, tarball), '-C', target, '--strip-components=1']);
  mkdirSync(join(project, 'node_modules', '.bin'));
  symlinkSync('../agora-tokens/dist/cli.js', join(project, 'node_modules', '.bin', 'agora-tokens'));
  writeFileSync(join(project, 'package.json'), '{"name":"consumer","private":true}\n');
}, 60_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: project, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }).trim();
}

describe('the packed package', () => {
  it('contains the built entries, docs, README and LICENSE, and no sources or tests', () => {
    const files = readdirSync(join(project, 'node_modules', 'agora-tokens'));
    expect(files.sort()).toEqual(['LICENSE', 'README.md', 'dist', 'docs', 'package.json']);
  });

  it('works with import and require from a consumer project', () => {
    const build = "RtcTokenBuilder.buildTokenWithUid('970CA35de60c44645bbae8a215061b33', '5CFd2fd1755d40ecb72977518be15d3b', 'demo', 1, 1, 600, 600, { salt: 1, now: 1700000000 })";
    const esm = node(['--input-type=module', '-e', `import { RtcTokenBuilder } from 'agora-tokens/007'; import { decodeToken } from 'agora-tokens'; console.log(decodeToken(${build}).salt)`]);
    const cjs = node(['-e', `const { RtcTokenBuilder } = require('agora-tokens/007'); const { decodeToken } = require('agora-tokens'); console.log(decodeToken(${build}).salt)`]);
    expect([esm, cjs]).toEqual(['1', '1']);
    expect(node(['-e', "console.log(typeof require('agora-tokens/server').createTokenHandler)"])).toBe('function');
  });

  it('runs the agora-tokens bin', () => {
    const out = execFileSync(join(project, 'node_modules', '.bin', 'agora-tokens'), ['--version'], { encoding: 'utf8' }).trim();
    expect(out).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
