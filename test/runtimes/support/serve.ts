// The Deno and Bun tests' program: the worker's fetch (token handler + vector run) served by
// the runtime's own server on a random loopback port, which it prints as its first line.
import worker from './worker.js';

declare const Deno: { serve(options: { port: number; hostname: string; onListen(addr: { port: number }): void }, handler: (request: Request) => Promise<Response>): unknown } | undefined;
declare const Bun: { serve(options: { port: number; hostname: string; fetch(request: Request): Promise<Response> }): { port: number } } | undefined;

if (typeof Deno !== 'undefined') {
  Deno.serve({ port: 0, hostname: '127.0.0.1', onListen: ({ port }) => console.log(`listening ${port}`) }, worker.fetch);
} else if (typeof Bun !== 'undefined') {
  console.log(`listening ${Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: worker.fetch }).port}`);
}
