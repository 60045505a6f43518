// GET /playground: served only when the handler is given the page, with a CSP that allows
// exactly the page's inline script and style; startServer gives it with demo credentials or
// TOKEN_PLAYGROUND=1.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlaygroundHtml } from '../../scripts/build-playground.mjs';
import { createTokenHandler } from '../../src/server.js';
import { ConfigError, startServer } from '../../src/server-node.js';
import { configFromEnv } from '../../src/server/config.js';
import { codeOf } from '../support/errors.js';
import { APP_CERTIFICATE, APP_ID, BASE, send, withServer } from './support.js';

const html = await buildPlaygroundHtml();
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const inline = (tag: string) => [...html.matchAll(new RegExp(`<${tag}>([^]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
const CREDENTIALS = { AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: APP_CERTIFICATE };

describe('the playground route of the Fetch handler', () => {
  const handler = createTokenHandler({ ...BASE, playground: html });

  it('serves the page with a CSP naming the hash of its one script and one stylesheet', async () => {
    const response = await handler(new Request('http://localhost/playground'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(html);
    const [script, style] = [inline('script'), inline('style')];
    expect([script.length, style.length]).toEqual([1, 1]);
    expect(response.headers.get('content-security-policy')).toBe(
      `default-src 'none'; script-src ${sha(script[0]!)}; style-src ${sha(style[0]!)}; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    // The page's own meta policy allows the same script and style.
    expect(html).toContain(`script-src ${sha(script[0]!)}; style-src ${sha(style[0]!)}`);
  });

  it('answers HEAD and a trailing slash; refuses other methods with 405', async () => {
    const head = await handler(new Request('http://localhost/playground/', { method: 'HEAD' }));
    expect([head.status, await head.text()]).toEqual([200, '']);
    const post = await handler(new Request('http://localhost/playground', { method: 'POST', body: '{}' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect((await post.json()).error.code).toBe('ERR_METHOD_NOT_ALLOWED');
  });

  it('is a 404 without the option', async () => {
    const response = await createTokenHandler(BASE)(new Request('http://localhost/playground'));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('ERR_NOT_FOUND');
  });

  it('refuses an option that is not the page', () => {
    expect(codeOf(() => createTokenHandler({ ...BASE, playground: 'hello' }))).toBe('ERR_INVALID_ARGUMENT');
    expect(codeOf(() => createTokenHandler({ ...BASE, playground: 42 as unknown as string }))).toBe('ERR_INVALID_ARGUMENT');
  });

  it('is served over node:http too', async () => {
    await withServer({ playground: html }, async (url) => {
      const result = await send(`${url}/playground`);
      expect(result.status).toBe(200);
      expect(result.text).toBe(html);
      expect(result.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'sha256-/);
    });
  });
});

describe('TOKEN_PLAYGROUND', () => {
  it('defaults to on with demo credentials and off with real ones; 1 and 0 override', () => {
    expect(configFromEnv({}).playground).toBe('demo');
    expect(configFromEnv(CREDENTIALS).playground).toBe(false);
    expect(configFromEnv({ ...CREDENTIALS, TOKEN_PLAYGROUND: '1' }).playground).toBe('TOKEN_PLAYGROUND');
    expect(configFromEnv({ TOKEN_PLAYGROUND: '0' }).playground).toBe(false);
    let caught: unknown;
    try {
      configFromEnv({ TOKEN_PLAYGROUND: 'maybe' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe('TOKEN_PLAYGROUND');
  });

  it('startServer serves the package\'s dist/playground.html and logs its URL', async () => {
    const lines: string[] = [];
    const running = await startServer({ env: { ...CREDENTIALS, TOKEN_PLAYGROUND: '1' }, port: 0, host: '127.0.0.1', log: (line) => lines.push(line), handleSignals: false });
    try {
      const result = await send(`${running.url}/playground`);
      expect(result.status).toBe(200);
      expect(result.text).toBe(readFileSync(new URL('../../dist/playground.html', import.meta.url), 'utf8'));
      expect(JSON.parse(lines.find((line) => line.includes('listening'))!).playground).toBe(`${running.url}/playground`);
    } finally {
      await running.close();
    }
  });

  it('without it and with real credentials there is no page', async () => {
    const lines: string[] = [];
    const running = await startServer({ env: CREDENTIALS, port: 0, host: '127.0.0.1', log: (line) => lines.push(line), handleSignals: false });
    try {
      expect((await send(`${running.url}/playground`)).status).toBe(404);
      expect(JSON.parse(lines.find((line) => line.includes('listening'))!).playground).toBeNull();
    } finally {
      await running.close();
    }
  });
});
