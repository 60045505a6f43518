// The cluster's shared rate limit without processes: a worker's store batches the hits of
// one event-loop turn into one message, the primary answers them in order from one store.

import { EventEmitter } from 'node:events';
import type { Worker } from 'node:cluster';
import { describe, expect, it } from 'vitest';
import { clusterPrimaryStore, clusterWorkerStore, type IpcChannel } from '../../src/server/cluster-store.js';

/** A worker's channel wired to a primary listener, counting the messages each way. */
function wired(maxKeys = 100) {
  const toWorker = new EventEmitter();
  const sent: unknown[] = [];
  const replies: unknown[] = [];
  const answer = clusterPrimaryStore(maxKeys);
  const worker = {
    isConnected: () => true,
    send: (message: unknown) => {
      replies.push(message);
      toWorker.emit('message', message);
      return true;
    },
  } as unknown as Worker;
  const channel: IpcChannel = {
    send: (message) => {
      sent.push(message);
      answer(worker, message);
      return true;
    },
    on: (event: string, listener: (...args: unknown[]) => void) => toWorker.on(event, listener),
  } as IpcChannel;
  return { store: clusterWorkerStore(channel), sent, replies, toWorker };
}

describe('the cluster rate-limit store', () => {
  it('sends the hits of one turn as one message, and resolves each with its own count', async () => {
    const { store, sent, replies } = wired();
    const hits = await Promise.all([store.hit('a', 60_000), store.hit('b', 60_000), store.hit('a', 60_000), store.hit('a', 60_000)]);
    expect(hits.map((hit) => hit.count)).toEqual([1, 1, 2, 3]);
    expect(sent).toHaveLength(1);
    expect(replies).toHaveLength(1);
    expect((await store.hit('b', 60_000)).count).toBe(2);
    expect(sent).toHaveLength(2);
  });

  it('keeps windows apart when hits of one turn ask for different ones', async () => {
    const { store, sent } = wired();
    const [short, long] = await Promise.all([store.hit('a', 1_000), store.hit('a', 60_000)]);
    expect(sent.map((message) => (message as { windowMs: number }).windowMs)).toEqual([1_000, 60_000]);
    expect(short!.resetInMs).toBeLessThanOrEqual(1_000);
    expect(long!.count).toBe(2);
  });

  it('fails the hits waiting on a channel that is lost, and those with no channel at all', async () => {
    const toWorker = new EventEmitter();
    const lost = clusterWorkerStore({ send: () => true, on: (event: string, listener: (...args: unknown[]) => void) => toWorker.on(event, listener) } as IpcChannel);
    const waiting = lost.hit('a', 1_000);
    await new Promise((resolve) => setImmediate(resolve));
    toWorker.emit('disconnect');
    await expect(waiting).rejects.toThrow('the cluster primary is gone');
    const none = clusterWorkerStore({ on: () => undefined } as IpcChannel);
    await expect(none.hit('a', 1_000)).rejects.toThrow('this process has no IPC channel to the cluster primary');
  });

  it('ignores messages that are not its own', async () => {
    const { store, toWorker } = wired();
    toWorker.emit('message', { type: 'agora-tokens:rate-limit-result', id: 999, hits: [] });
    toWorker.emit('message', null);
    toWorker.emit('message', 'text');
    expect((await store.hit('a', 1_000)).count).toBe(1);
  });
});
