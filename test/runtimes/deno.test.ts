// The Fetch handler served by Deno.serve, and the codec, on the real Deno binary over loopback.
import { afterAll, beforeAll, describe } from 'vitest';
import { type RuntimeServer, startRuntimeServer } from './support/runtime-server.js';
import { runtimeChecks } from './support/runtime-checks.js';

let server: RuntimeServer | undefined;

beforeAll(async () => {
  server = await startRuntimeServer('deno', (file) => ['run', '--allow-net=127.0.0.1', '--no-prompt', file]);
}, 60_000);

afterAll(() => server?.stop());

describe('the token handler and the codec on Deno', () => {
  runtimeChecks(() => server!.base);
});
