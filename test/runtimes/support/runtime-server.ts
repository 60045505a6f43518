// Starts the bundled serve.ts under a runtime binary and waits for the port it prints.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser } from './bundle.js';

const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));

export interface RuntimeServer {
  base: string;
  stop(): void;
}

export async function startRuntimeServer(binary: string, args: (file: string) => string[]): Promise<RuntimeServer> {
  const dir = mkdtempSync(join(tmpdir(), 'agora-tokens-runtime-'));
  const file = join(dir, 'serve.mjs');
  writeFileSync(file, await bundleForBrowser(SERVE, 'esm'));
  const child: ChildProcess = spawn(fileURLToPath(new URL(`../../../node_modules/.bin/${binary}`, import.meta.url)), args(file), {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
  });
  const port = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening (\d+)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`${binary} exited with ${code}: ${seen}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop() {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
