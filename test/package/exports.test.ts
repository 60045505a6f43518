// The built package as a user installs it: every subpath loads with `import` and `require`,
// resolves through the `exports` map (self-reference by package name) and has its types.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim();
}

beforeAll(() => {
  if (!existsSync(`${root}/dist/index.js`)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
});

const APP = "'970CA35de60c44645bbae8a215061b33', '5CFd2fd1755d40ecb72977518be15d3b'";
const EXPECTED_006 = '006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW';

describe('package.json', () => {
  it('is an ESM package with zero runtime dependencies, types first in every export', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines.node).toBe('>=20');
    for (const [subpath, entry] of Object.entries<any>(pkg.exports)) {
      if (subpath === './package.json') continue;
      const targets = [entry.import, entry.require, ...(entry.node ? [entry.node.import, entry.node.require] : [])];
      for (const target of targets) {
        expect(Object.keys(target)[0], subpath).toBe('types');
        for (const file of Object.values<string>(target)) expect(existsSync(`${root}/${file}`), file).toBe(true);
      }
    }
  });
});

describe('package.json metadata', () => {
  it('names the package and its one command agora-tokens, with repository, homepage, bugs and keywords', () => {
    expect(pkg.name).toBe('agora-tokens');
    expect(pkg.bin).toEqual({ 'agora-tokens': 'dist/cli.js' });
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/agora-tokens/agora-tokens.git' });
    expect(pkg.homepage).toBe('https://github.com/agora-tokens/agora-tokens#readme');
    expect(pkg.bugs).toEqual({ url: 'https://github.com/agora-tokens/agora-tokens/issues' });
    expect(pkg.keywords).toEqual(expect.arrayContaining(['agora', 'agora-token', 'agora-access-token', 'accesstoken2', 'rtc', 'token-server', 'cli']));
    expect(pkg.allowScripts).toMatchObject({ esbuild: true });
  });

  it('npm pkg fix leaves it unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agora-tokens-pkgfix-'));
    try {
      writeFileSync(join(dir, 'package.json'), readFileSync(`${root}/package.json`));
      execFileSync('npm', ['pkg', 'fix'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual(pkg);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the lock file agrees with package.json (what npm install --package-lock-only would rewrite)', () => {
    const lock = JSON.parse(readFileSync(`${root}/package-lock.json`, 'utf8'));
    expect([lock.name, lock.version]).toEqual([pkg.name, pkg.version]);
    const { name, version, license, bin, devDependencies, engines } = pkg;
    expect(lock.packages['']).toEqual({ name, version, license, bin, devDependencies, engines });
  });

  it('every subpath has node10 types through typesVersions, pointing at the CommonJS declarations', () => {
    const subpaths = Object.keys(pkg.exports).filter((subpath) => subpath !== '.' && subpath !== './package.json');
    expect(Object.keys(pkg.typesVersions['*']).sort()).toEqual(subpaths.map((subpath) => subpath.slice(2)).sort());
    for (const subpath of subpaths) expect(pkg.typesVersions['*'][subpath.slice(2)]).toEqual([pkg.exports[subpath].require.types]);
    expect(pkg.types).toBe(pkg.exports['.'].require.types);
  });
});

describe('loading the built entries', () => {
  it('import and require give the same, byte-identical tokens', () => {
    const script = (mod: string) => `const t = new m.AccessToken(${APP}, '7d72365eb983485397e3e3f9d460bdda', '2882341273'); t.salt = 1; t.ts = 1111111; t.addPrivilege(m.Privileges.kJoinChannel, 1446455471); console.log(t.build(), typeof ${mod});`;
    expect(node(['--input-type=module', '-e', `import * as m from 'agora-tokens/006'; ${script('m.RtcTokenBuilder')}`])).toBe(`${EXPECTED_006} function`);
    expect(node(['-e', `const m = require('agora-tokens/006'); ${script('m.RtcTokenBuilder')}`])).toBe(`${EXPECTED_006} function`);
  });

  it('every subpath loads in both module systems', () => {
    const names: Record<string, string> = { '.': 'decodeToken', './006': 'RtcTokenBuilder', './007': 'AccessToken2', './server': 'createTokenHandler', './server/node': 'startServer' };
    for (const [subpath, name] of Object.entries(names)) {
      const spec = `agora-tokens${subpath === '.' ? '' : subpath.slice(1)}`;
      expect(node(['--input-type=module', '-e', `import * as m from '${spec}'; console.log(typeof m.${name})`]), spec).toMatch(/function/);
      expect(node(['-e', `console.log(typeof require('${spec}').${name})`]), spec).toMatch(/function/);
    }
  });

  it('importing the codec loads neither the server, nor the CLI, nor node:zlib/node:crypto', () => {
    const loaded = node([
      '--input-type=module',
      '-e',
      "await import('agora-tokens/007'); await import('agora-tokens/006'); await import('agora-tokens'); console.log(JSON.stringify(process.moduleLoadList.filter((m) => /^NativeModule (https?|net|zlib|crypto|readline|child_process|_http_\\w+)$/.test(m))))",
    ]);
    expect(JSON.parse(loaded)).toEqual([]);
  });

  it('a 007 token built by the ESM entry verifies with the CJS entry', () => {
    const token = node(['--input-type=module', '-e', `import { RtcTokenBuilder } from 'agora-tokens/007'; console.log(RtcTokenBuilder.buildTokenWithUid(${APP}, 'demo', 1, 1, 600, 600))`]);
    expect(node(['-e', `const { verifyToken } = require('agora-tokens'); console.log(verifyToken(process.argv[1], { appCertificate: '5CFd2fd1755d40ecb72977518be15d3b' }).version)`, token])).toBe('007');
  });

  it('ships type declarations for both module systems that declare every runtime export', async () => {
    for (const entry of ['index', '006', '007', 'legacy', 'client', 'server', 'server/node']) {
      const names = Object.keys(await import(`${root}/dist/${entry}.js`));
      expect(names.length, entry).toBeGreaterThan(0);
      for (const ext of ['d.ts', 'd.cts']) {
        const declarations = readFileSync(`${root}/dist/${entry}.${ext}`, 'utf8');
        const exported = new Set([...declarations.matchAll(/export \{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim().replace(/^type /, '').split(' as ').pop()!)));
        for (const name of names) expect(exported.has(name), `${entry}.${ext} does not export ${name}`).toBe(true);
      }
    }
  });
});
