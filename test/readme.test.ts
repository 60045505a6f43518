// Every ```js example of the README runs as written, against the built package (imports
// resolve through the package's own `exports`), and prints what its comments promise.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}/README.md`, 'utf8');
const examples = [...readme.matchAll(/```js\n([^]*?)```/g)].map((m) => m[1]!);

function run(code: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
}

beforeAll(() => {
  if (!existsSync(`${root}/dist/index.js`)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
});

describe('README examples', () => {
  it('has exactly the ```js examples the tests below run, one test each', () => expect(examples).toHaveLength(3));

  it('named options: tokens of each kind, and a timestamp passed as a duration is refused', () => {
    const out = run(examples[0]!).trim().split('\n');
    expect(out).toEqual(['007 007 006 007 007', 'ERR_INVALID_EXPIRY']);
  });

  it('official builders: drop-in calls and a reproducible AccessToken2', () => {
    const out = run(examples[1]!).trim().split(' ');
    expect(out.slice(0, 3)).toEqual(['true', 'true', 'true']);
    expect(out[3]).toMatch(/^007eJ/);
  });

  it('parse, verify, explain', () => {
    expect(run(examples[2]!).trim()).toBe("007 3600 1 [ 'error CHANNEL_MISMATCH', 'info SIGNATURE_VALID' ]");
  });
});
