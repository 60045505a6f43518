// The Fetch handler served by Bun.serve, and the codec, on the real Bun binary over loopback.
import { afterAll, beforeAll, describe } from 'vitest';
import { type RuntimeServer, startRuntimeServer } from './support/runtime-server.js';
import { runtimeChecks } from './support/runtime-checks.js';

let server: RuntimeServer | undefined;

beforeAll(async () => {
  server = await startRuntimeServer('bun', (file) => ['run', file]);
}, 60_000);

afterAll(() => server?.stop());

describe('the token handler and the codec on Bun', () => {
  runtimeChecks(() => server!.base);
});
