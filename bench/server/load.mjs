// The load generator, in its own process. Keeps N keep-alive connections busy for a fixed
// time, one request in flight per connection (no pipelining), and reports throughput and
// latency percentiles over IPC.
//
//   node load.mjs <json-config>   config: { port, connections, warmupMs, durationMs, client }
//
// client "raw" (default) writes pre-formatted request bytes to net sockets and reads answers
// by Content-Length: a few microseconds per request, so the server, not the generator, is
// what saturates. client "http" uses node:http with a keep-alive Agent instead; it costs
// more per request than either server and mostly measures itself (kept for comparison).

import { request as httpRequest, Agent } from 'node:http';
import { connect } from 'node:net';

const config = JSON.parse(process.argv[2]);
const { port, connections, warmupMs, durationMs } = config;
const client = config.client ?? 'raw';

let uid = 1;
function body() {
  // A different uid per request: every answer is a freshly signed token.
  uid = uid >= 4_000_000_000 ? 1 : uid + 1;
  return `{"uid":${uid},"channelName":"bench","role":1}`;
}
function rawRequest() {
  const json = body();
  return `POST /fetch_rtc_token HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${json.length}\r\n\r\n${json}`;
}

let measuring = false;
let stopped = false;
let count = 0;
let errors = 0;
const latencies = [];

function record(started, ok) {
  if (!measuring) return;
  if (!ok) errors += 1;
  count += 1;
  latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
}

function rawConnection() {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = 0n;
    const send = () => {
      if (stopped) {
        socket.end();
        resolve();
        return;
      }
      started = process.hrtime.bigint();
      socket.write(rawRequest());
    };
    socket.on('data', (chunk) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) return;
        const head = buffer.toString('latin1', 0, end);
        const match = /\r\ncontent-length: *(\d+)/i.exec(head);
        const length = match === null ? 0 : Number(match[1]);
        if (buffer.length < end + 4 + length) return;
        record(started, head.startsWith('HTTP/1.1 200'));
        buffer = buffer.subarray(end + 4 + length);
        send();
      }
    });
    socket.on('error', reject);
    socket.once('connect', send);
  });
}

function httpConnection(agent) {
  return new Promise((resolve, reject) => {
    const send = () => {
      if (stopped) {
        resolve();
        return;
      }
      const started = process.hrtime.bigint();
      const json = body();
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/fetch_rtc_token', method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': json.length } },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => {
            record(started, res.statusCode === 200);
            send();
          });
        },
      );
      req.on('error', reject);
      req.end(json);
    };
    send();
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: connections });
const workers = Array.from({ length: connections }, () => (client === 'http' ? httpConnection(agent) : rawConnection()));

await new Promise((resolve) => setTimeout(resolve, warmupMs));
process.send({ type: 'measuring' });
measuring = true;
const startedAt = process.hrtime.bigint();
await new Promise((resolve) => setTimeout(resolve, durationMs));
measuring = false;
const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
process.send({ type: 'measured' });
stopped = true;
await Promise.all(workers);
agent.destroy();

latencies.sort((a, b) => a - b);
const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
process.send({ type: 'result', requests: count, errors, seconds, rps: count / seconds, p50: pick(0.5), p99: pick(0.99) });
