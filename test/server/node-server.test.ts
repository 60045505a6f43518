// The node:http server's own answers: errors of Node's HTTP parser in the JSON error shape
// and logged, and the connection cap.

import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_CONNECTIONS, createTokenServer } from '../../src/server-node.js';
import { BASE, rawExchange, send, withServer } from './support.js';

describe('HTTP parser errors', () => {
  it('400 ERR_BAD_REQUEST as JSON for bytes that are not HTTP, logged as clientError', async () => {
    const lines: string[] = [];
    await withServer({ log: (line) => lines.push(line) }, async (url) => {
      const answer = await rawExchange(url, 'NOT HTTP AT ALL\r\n\r\n');
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(answer.body)).toEqual({ error: { code: 'ERR_BAD_REQUEST', message: 'malformed HTTP request' } });
    });
    expect(lines.map((line) => JSON.parse(line))).toMatchObject([{ msg: 'clientError', status: 400, error: 'ERR_BAD_REQUEST', client: '127.0.0.1' }]);
  });

  it('431 ERR_HEADERS_TOO_LARGE as JSON past Node\'s header limit, logged', async () => {
    const lines: string[] = [];
    await withServer({ log: (line) => lines.push(line) }, async (url) => {
      const answer = await rawExchange(url, `GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(answer.status).toBe(431);
      expect(JSON.parse(answer.body).error.code).toBe('ERR_HEADERS_TOO_LARGE');
    });
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'clientError', status: 431, error: 'ERR_HEADERS_TOO_LARGE' });
  });
});

describe('maxConnections', () => {
  it('defaults to DEFAULT_MAX_CONNECTIONS and refuses a bad value with a typed error', () => {
    expect(createTokenServer(BASE).maxConnections).toBe(DEFAULT_MAX_CONNECTIONS);
    expect(() => createTokenServer({ ...BASE, maxConnections: 0 })).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }));
  });

  it('closes connections past the cap on arrival and serves again once one is gone', async () => {
    await withServer({ maxConnections: 1 }, async (url, server) => {
      const { port } = new URL(url);
      const holder = connect(Number(port), '127.0.0.1');
      await new Promise<void>((resolve) => holder.once('connect', () => resolve()));
      // Wait until the server has accepted the holder, so the next one is the one refused.
      await new Promise<void>((resolve) => {
        const check = (): void => {
          server.getConnections((_, count) => (count >= 1 ? resolve() : setImmediate(check)));
        };
        check();
      });
      await expect(send(`${url}/ping`)).rejects.toThrow();
      holder.destroy();
      await new Promise<void>((resolve) => {
        const check = (): void => {
          server.getConnections((_, count) => (count === 0 ? resolve() : setImmediate(check)));
        };
        check();
      });
      expect((await send(`${url}/ping`)).status).toBe(200);
    });
  });
});
