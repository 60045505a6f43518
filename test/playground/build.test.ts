// The shipped page: the build writes dist/playground.html from the current sources, and the
// page is self-contained (one inline script, one inline stylesheet, no external resource)
// and locked by its own CSP meta tag, so it is safe to open as a plain file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlaygroundHtml } from '../../scripts/build-playground.mjs';

const html = await buildPlaygroundHtml();
const inline = (tag: string) => [...html.matchAll(new RegExp(`<${tag}>([^]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('dist/playground.html', () => {
  it('is what the build makes of the current sources', () => {
    expect(readFileSync(new URL('../../dist/playground.html', import.meta.url), 'utf8')).toBe(html);
  });

  it('is self-contained: one inline script and stylesheet, nothing loaded from elsewhere', () => {
    expect(inline('script')).toHaveLength(1);
    expect(inline('style')).toHaveLength(1);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(inline('style')[0]).not.toMatch(/@import|url\(/);
  });

  it('carries a CSP meta tag allowing exactly its script and stylesheet', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(meta).toBe(
      `default-src 'none'; script-src ${sha(inline('script')[0]!)}; style-src ${sha(inline('style')[0]!)}; img-src data:; connect-src http: https:; base-uri 'none'; form-action 'none'`,
    );
  });

  it('bundles the library itself (its diagnosis code table is in the script)', () => {
    expect(inline('script')[0]).toContain('PRIVILEGE_EXPIRES_BEFORE_TOKEN');
  });
});
