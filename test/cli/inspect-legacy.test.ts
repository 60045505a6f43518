import { describe, expect, it } from 'vitest';
import { DynamicKey5 } from '../../src/legacy.js';
import { inspectToken } from '../../src/inspect/inspect.js';
import { APP_CERTIFICATE, APP_ID, NOW, cli } from './fake-io.js';

describe('inspect on a legacy key', () => {
  const key = DynamicKey5.generateRecordingKey(APP_ID, APP_CERTIFICATE, 'demo', NOW, 7, 1234, NOW + 3600);

  it('prints the format and the fields the key carries', async () => {
    const result = await cli(['inspect', key, '--now', String(NOW + 600)]);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'version    DynamicKey5 (legacy, before AccessToken)',
        `app ID     ${APP_ID.toLowerCase()}`,
        'service    recording',
        'built      2023-11-14T22:13:20Z (10m ago)',
        'expires    2023-11-14T23:13:20Z (in 50m)',
        'random     7',
        `signature  ${inspectToken(key).signature} (not verified)`,
        '',
      ].join('\n'),
    });
  });

  it('--json is inspectToken as JSON', async () => {
    expect(await cli(['inspect', key, '--json'])).toEqual({ code: 0, stdout: `${JSON.stringify(inspectToken(key), null, 2)}\n`, stderr: '' });
  });
});
