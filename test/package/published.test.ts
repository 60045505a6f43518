// The tarball npm would publish, checked as its users' tools see it: publint --strict and
// are-the-types-wrong find nothing, and consumer projects compile against it with this
// project's `tsc` under every TypeScript module resolution (node10, node16, nodenext,
// bundler), as ESM and as CommonJS, then run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
let scratch = '';
let tarball = '';

beforeAll(() => {
  if (!existsSync(`${root}/dist/index.js`)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
  scratch = mkdtempSync(join(tmpdir(), 'agora-tokens-published-'));
  // --json names the file on stdout; the `npm notice` listing goes to the piped stderr.
  const packed = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  tarball = join(scratch, JSON.parse(packed)[0].filename);
  const target = join(scratch, 'node_modules', 'agora-tokens');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  // The server/node declarations name node:http types, as in any Node project.
  mkdirSync(join(scratch, 'node_modules', '@types'));
  symlinkSync(join(root, 'node_modules', '@types', 'node'), join(scratch, 'node_modules', '@types', 'node'));
}, 60_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('linters on the packed tarball', () => {
  it('publint --strict reports nothing', () => {
    const out = execFileSync(bin('publint'), ['--strict', tarball], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toMatch(/All good!/);
  });

  it('are-the-types-wrong finds no problem for any entry under any resolution', () => {
    const out = execFileSync(bin('attw'), ['--format', 'json', tarball], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const report = JSON.parse(out);
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './006', './007', './client', './legacy', './package.json', './server', './server/node']);
  }, 30_000);
});

// Uses a value and a type from every subpath; each `@ts-expect-error` fails the compile if
// the types resolved to `any` (or not at all), so a missing declaration cannot pass.
const CONSUMER = `
import { AgoraTokenError, decodeToken, type AgoraTokenErrorCode } from 'agora-tokens';
import { RtcTokenBuilder as RtcTokenBuilder006 } from 'agora-tokens/006';
import { RtcRole, RtcTokenBuilder, decodeToken007, type BuildPins007, type DecodedToken007 } from 'agora-tokens/007';
import { DynamicKey5 } from 'agora-tokens/legacy';
import { ConfigError, createTokenHandler, type TokenHandlerOptions } from 'agora-tokens/server';
import { createTokenServer, type TokenServerOptions } from 'agora-tokens/server/node';

const appId = '970CA35de60c44645bbae8a215061b33';
const appCertificate = '5CFd2fd1755d40ecb72977518be15d3b';
const pins: BuildPins007 = { salt: 1, now: 1700000000 };
const token: string = RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, 'demo', 1, RtcRole.PUBLISHER, 600, 600, pins);
const decoded: DecodedToken007 = decodeToken007(token);
// Never called: it only has to fail to compile.
// @ts-expect-error a channel name is a string
const misuse = () => RtcTokenBuilder006.buildTokenWithUid(appId, appCertificate, 42, 1, 1, 0);
const options: TokenHandlerOptions = { appId, appCertificate };
const handler: (request: Request) => Promise<Response> = createTokenHandler(options);
const serverOptions: TokenServerOptions = options;
void misuse; void handler; void serverOptions; void createTokenServer; void DynamicKey5;
let code: AgoraTokenErrorCode | undefined;
try { decodeToken('007nope'); } catch (error) { if (error instanceof AgoraTokenError) code = error.code; }
// @ts-expect-error not a code
const wrong: AgoraTokenErrorCode = 'ERR_NOPE';
void wrong;
console.log(decoded.version, decoded.salt, code, new ConfigError('PORT', 'x').code);
`;

const MODES: { name: string; type: 'module' | 'commonjs'; module: string; moduleResolution: string; run: boolean }[] = [
  { name: 'node10-cjs', type: 'commonjs', module: 'commonjs', moduleResolution: 'node10', run: true },
  { name: 'node16-cjs', type: 'commonjs', module: 'node16', moduleResolution: 'node16', run: true },
  { name: 'node16-esm', type: 'module', module: 'node16', moduleResolution: 'node16', run: true },
  { name: 'nodenext-cjs', type: 'commonjs', module: 'nodenext', moduleResolution: 'nodenext', run: true },
  { name: 'nodenext-esm', type: 'module', module: 'nodenext', moduleResolution: 'nodenext', run: true },
  // A bundler's output is run by the bundler's user; here the compile is the check.
  { name: 'bundler-esm', type: 'module', module: 'esnext', moduleResolution: 'bundler', run: false },
];

// One `tsc --build` over all the projects: a single start-up and one parse of the shared
// declarations, instead of a compiler per mode. Each mode's test reads its own diagnostics.
let compileOutput = '';

beforeAll(() => {
  for (const mode of MODES) {
    const dir = join(scratch, mode.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${mode.name}`, private: true, type: mode.type }));
    writeFileSync(join(dir, 'index.ts'), CONSUMER);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: mode.module, moduleResolution: mode.moduleResolution, lib: ['ES2022', 'DOM'], types: ['node'],
        strict: true, skipLibCheck: true, esModuleInterop: true, outDir: 'out', ...(mode.run ? {} : { noEmit: true }),
      },
      files: ['index.ts'],
    }));
  }
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '--build', ...MODES.map((mode) => mode.name)], { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    compileOutput = String((error as { stdout?: string }).stdout ?? error);
  }
}, 60_000);

describe('consumer projects compiled with tsc against the tarball', () => {
  it.each(MODES)('$name: compiles and runs', (mode) => {
    const diagnostics = compileOutput.split('\n').filter((line) => line.startsWith(`${mode.name}/`));
    expect(diagnostics).toEqual([]);
    if (mode.run) {
      const dir = join(scratch, mode.name);
      expect(execFileSync(process.execPath, [join(dir, 'out', 'index.js')], { cwd: dir, encoding: 'utf8' }).trim()).toBe('007 1 ERR_TOKEN_MALFORMED ERR_CONFIG');
    }
  });

  it('tsc reported nothing outside the projects either', () => {
    expect(compileOutput.split('\n').filter((line) => line.trim() !== '' && !MODES.some((mode) => line.startsWith(`${mode.name}/`)) && !line.startsWith(' '))).toEqual([]);
  });
});
