// The node:http adapter: middleware behaviour, bodies parsed upstream, the generic bridge
// for other Fetch handlers, and timeouts on slow clients.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { createNodeHandler, createTokenHandler, createTokenServer } from '../../src/server-node.js';
import { BASE, close, expectError, expectRtcToken, listen, postJson, rawExchange, send } from './support.js';

async function serve(listener: (req: IncomingMessage, res: ServerResponse) => void, fn: (url: string) => Promise<void>): Promise<void> {
  const server = createServer(listener);
  const url = await listen(server);
  try {
    await fn(url);
  } finally {
    await close(server);
  }
}

/** Reads until the server closes the connection; resolves with everything received. */
function untilClosed(url: string, bytes: string): Promise<string> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.write(bytes);
  });
}

describe('createNodeHandler', () => {
  it('as middleware, passes unknown paths to next() and serves its own', async () => {
    const handle = createNodeHandler(createTokenHandler(BASE));
    const passed: string[] = [];
    const synchronous: boolean[] = [];
    await serve(
      (req, res) => {
        let called = false;
        handle(req, res, () => {
          called = true;
          passed.push(req.url!);
          res.writeHead(200, { 'Content-Type': 'text/plain' }).end('app');
        });
        // Frameworks that must know at once whether the request was taken (Fastify hooks) rely on this.
        synchronous.push(called);
      },
      async (url) => {
        expect((await send(`${url}/`)).text).toBe('app');
        expect((await send(`${url}/users/1`)).text).toBe('app');
        const token = await send(`${url}/rtc/test/publisher/uid/5/`);
        expectRtcToken(token.json.rtcToken, { channelName: 'test', uid: 5, role: 'publisher' });
        // A known path with the wrong method is still ours: 405, not the app's.
        expectError(await send(`${url}/fetch_rtc_token`), 405, 'ERR_METHOD_NOT_ALLOWED');
      },
    );
    expect(passed).toEqual(['/', '/users/1']);
    expect(synchronous).toEqual([true, true, false, false]);
  });

  it('uses a body that a JSON body parser already consumed', async () => {
    const handle = createNodeHandler(createTokenHandler(BASE));
    await serve(
      (req, res) => {
        // What express.json() leaves behind: the stream consumed, `body` parsed, `_body` set.
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString()), _body: true });
          handle(req, res, () => res.writeHead(404).end());
        });
      },
      async (url) => {
        const result = await postJson(`${url}/fetch_rtc_token`, { uid: 8, channelName: 'test', role: 2 });
        expect(result.status).toBe(200);
        expectRtcToken(result.json.token, { channelName: 'test', uid: 8, role: 'subscriber' });
      },
    );
  });

  it('bridges any other Fetch handler, streaming bodies both ways', async () => {
    const handle = createNodeHandler(async (request) => {
      const headers = new Headers({ 'Content-Type': 'text/plain', 'X-Method': request.method });
      headers.append('Set-Cookie', 'a=1');
      headers.append('Set-Cookie', 'b=2');
      return new Response(`${new URL(request.url).pathname}:${await request.text()}`, { status: 201, headers });
    });
    await serve(
      (req, res) => handle(req, res),
      async (url) => {
        const result = await send(`${url}/echo`, { method: 'PUT', body: 'hello' });
        expect(result.status).toBe(201);
        expect(result.text).toBe('/echo:hello');
        expect(result.headers['x-method']).toBe('PUT');
        expect(result.headers['set-cookie']).toEqual(['a=1', 'b=2']);
      },
    );
  });

  it('serves our handler through the generic bridge too (the plain Fetch path over HTTP)', async () => {
    const handler = createTokenHandler(BASE);
    const handle = createNodeHandler((request) => handler(request));
    await serve(
      (req, res) => handle(req, res),
      async (url) => {
        const result = await postJson(`${url}/fetch_rtc_token`, { uid: 9, channelName: 'test', role: 1 });
        expect(result.status).toBe(200);
        expectRtcToken(result.json.token, { channelName: 'test', uid: 9, role: 'publisher' });
        expectError(await send(`${url}/nope`), 404, 'ERR_NOT_FOUND');
      },
    );
  });

  it('answers 500 without details when a bridged handler throws', async () => {
    const handle = createNodeHandler(async () => {
      throw new Error('secret detail');
    });
    await serve(
      (req, res) => handle(req, res),
      async (url) => {
        const result = await send(`${url}/x`);
        expectError(result, 500, 'ERR_INTERNAL');
        expect(result.text).not.toContain('secret detail');
      },
    );
  });
});

describe('slow clients', () => {
  const timeouts = { headersMs: 150, bodyMs: 150 };

  it('a client that never finishes its headers is disconnected', async () => {
    const server = createTokenServer({ ...BASE, timeouts });
    const url = await listen(server);
    try {
      const received = await untilClosed(url, 'POST /fetch_rtc_token HTTP/1.1\r\nHost: x\r\nContent-Type: appl');
      expect(received.startsWith('HTTP/1.1 408')).toBe(true);
    } finally {
      await close(server);
    }
  });

  it('a body that stops arriving gets a JSON 408 and the connection closed', async () => {
    const server = createTokenServer({ ...BASE, timeouts });
    const url = await listen(server);
    try {
      const response = await rawExchange(url, 'POST /fetch_rtc_token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{"uid":1,');
      expect(response.status).toBe(408);
      expect(response.headers.connection).toBe('close');
      expect(JSON.parse(response.body)).toEqual({ error: { code: 'ERR_REQUEST_TIMEOUT', message: 'request body not received within 150 ms' } });
    } finally {
      await close(server);
    }
  });

  it('refuses nonsensical timeouts', () => {
    expect(() => createTokenServer({ ...BASE, timeouts: { bodyMs: 0 } })).toThrow('"timeouts.bodyMs" expected an integer number of milliseconds 1..3600000, got 0');
  });
});

describe('clients that go away', () => {
  it('logs a body abandoned mid-way as 499 ERR_CLIENT_CLOSED_REQUEST and keeps serving', async () => {
    const lines: string[] = [];
    const server = createTokenServer({ ...BASE, log: (line) => lines.push(line) });
    const url = await listen(server);
    try {
      const socket = connect(Number(new URL(url).port), '127.0.0.1');
      socket.on('error', () => undefined);
      const inFlight = new Promise((resolve) => server.once('request', resolve));
      socket.write('POST /fetch_rtc_token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"uid"');
      await inFlight;
      socket.destroy();
      await vi.waitFor(() => expect(lines).toHaveLength(1));
      expect(JSON.parse(lines[0]!)).toMatchObject({ status: 499, error: 'ERR_CLIENT_CLOSED_REQUEST', route: 'fetch_rtc_token' });
      expect((await send(`${url}/ping`)).status).toBe(200);
    } finally {
      await close(server);
    }
  });
});
