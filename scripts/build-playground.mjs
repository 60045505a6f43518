// Builds the token playground: src/playground/main.ts bundled for browsers (esbuild
// `platform: 'browser'`, minified, no polyfills) and inlined with its stylesheet into one
// self-contained HTML file. A Content-Security-Policy meta tag allows exactly that script
// and that stylesheet (by their SHA-256), so the page is locked down even as a plain file.
// Run by tsup after each build (see tsup.config.ts); `node scripts/build-playground.mjs`
// runs it alone.
import { build } from 'esbuild';
import { variantPlugin } from './build-variants.mjs';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const source = (name) => new URL(`src/playground/${name}`, root);

/** CSP source expression of an inline element's exact text. */
const hashSource = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// connect-src: as a plain file the page may fetch from a token server the user names; the
// token server's own header narrows this to 'self'.
const policy = (scriptHash, styleHash) =>
  [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    `style-src ${styleHash}`,
    "img-src data:",
    'connect-src http: https:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

/**
 * The page's HTML text.
 * @param {{ minify?: boolean }} [options] default minified, as shipped
 * @returns {Promise<string>}
 */
export async function buildPlaygroundHtml(options = {}) {
  const result = await build({
    entryPoints: [fileURLToPath(source('main.ts'))],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: options.minify ?? true,
    legalComments: 'none',
    // The browser build's modules, as a bundler importing agora-tokens would get them.
    plugins: [variantPlugin('browser')],
    write: false,
    logLevel: 'silent',
  });
  // A "</script" inside the bundle would end the element early.
  const script = result.outputFiles[0].text.replaceAll('</script', '<\\/script').trimEnd();
  const style = (await readFile(source('style.css'), 'utf8')).trim();
  const template = await readFile(source('page.html'), 'utf8');
  const pieces = { CSP: policy(hashSource(script), hashSource(style)), STYLE: style, SCRIPT: script };
  // A function replacement: the bundle may contain "$&" and friends.
  return template.replace(/<!--(CSP|STYLE|SCRIPT)-->/g, (_, name) => pieces[name]);
}

/** Writes dist/playground.html; returns its path. */
export async function writePlayground() {
  const out = new URL('dist/playground.html', root);
  await mkdir(new URL('dist/', root), { recursive: true });
  await writeFile(out, await buildPlaygroundHtml());
  return fileURLToPath(out);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await writePlayground());
}
