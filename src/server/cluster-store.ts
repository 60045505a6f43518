// The rate limit of a cluster (WORKERS > 1): connections are spread over the workers, so a
// client's requests reach several processes; the counts live in the primary process, and
// each worker asks it over the cluster's IPC channel, one message each way per request.

import type { Worker } from 'node:cluster';
import { type RateLimitHit, type RateLimitStore, createMemoryStore } from './rate-limit-store.js';

const HIT = 'agora-tokens:rate-limit-hit';
const RESULT = 'agora-tokens:rate-limit-result';

interface HitMessage {
  readonly type: typeof HIT;
  readonly id: number;
  readonly key: string;
  readonly windowMs: number;
}

interface ResultMessage {
  readonly type: typeof RESULT;
  readonly id: number;
  readonly hit: RateLimitHit;
}

/** @internal What a worker needs of `process`: its IPC channel (injectable for tests). */
export interface IpcChannel {
  send?: ((message: unknown) => boolean) | undefined;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
}

/**
 * @internal A worker's store: each hit is a message to the primary, answered by id. The
 * handler's `storeTimeoutMs` bounds a hit the primary never answers; a lost channel fails
 * every hit waiting on it.
 */
export function clusterWorkerStore(channel: IpcChannel = process as IpcChannel): RateLimitStore {
  let next = 0;
  const pending = new Map<number, { resolve: (hit: RateLimitHit) => void; reject: (error: Error) => void }>();
  channel.on('message', (message) => {
    const result = message as Partial<ResultMessage> | null;
    if (result?.type !== RESULT || typeof result.id !== 'number') return;
    const waiting = pending.get(result.id);
    pending.delete(result.id);
    waiting?.resolve(result.hit!);
  });
  channel.on('disconnect', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('the cluster primary is gone'));
    pending.clear();
  });
  return {
    hit(key, windowMs) {
      return new Promise((resolve, reject) => {
        const id = next++;
        const message: HitMessage = { type: HIT, id, key, windowMs };
        try {
          if (channel.send === undefined) throw new Error('this process has no IPC channel to the cluster primary');
          channel.send(message);
        } catch (error) {
          reject(error);
          return;
        }
        pending.set(id, { resolve, reject });
      });
    },
  };
}

/**
 * @internal The primary's side: one bounded in-memory store for every worker. Returns the
 * message listener to attach to each worker (`worker.on('message', ...)`).
 */
export function clusterPrimaryStore(maxKeys: number): (worker: Worker, message: unknown) => void {
  const store = createMemoryStore({ maxKeys });
  return (worker, message) => {
    const hit = message as Partial<HitMessage> | null;
    if (hit?.type !== HIT || typeof hit.id !== 'number' || typeof hit.key !== 'string' || typeof hit.windowMs !== 'number') return;
    const id = hit.id;
    void store.hit(hit.key, hit.windowMs).then((result) => {
      if (!worker.isConnected()) return;
      const reply: ResultMessage = { type: RESULT, id, hit: result };
      worker.send(reply);
    });
  };
}
