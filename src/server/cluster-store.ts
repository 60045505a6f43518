// The rate limit of a cluster (WORKERS > 1): connections are spread over the workers, so a
// client's requests reach several processes; the counts live in the primary process, and
// each worker asks it over the cluster's IPC channel, one message each way per event-loop turn.

import type { Worker } from 'node:cluster';
import { type RateLimitHit, type RateLimitStore, createMemoryStore } from './rate-limit-store.js';

const HIT = 'agora-tokens:rate-limit-hit';
const RESULT = 'agora-tokens:rate-limit-result';

/** The hits of one event-loop turn of a worker, sent as one message. */
interface HitMessage {
  readonly type: typeof HIT;
  readonly id: number;
  readonly keys: readonly string[];
  readonly windowMs: number;
}

/** The counts of a {@link HitMessage}'s keys, in order. */
interface ResultMessage {
  readonly type: typeof RESULT;
  readonly id: number;
  readonly hits: readonly RateLimitHit[];
}

/** @internal What a worker needs of `process`: its IPC channel (injectable for tests). */
export interface IpcChannel {
  send?: ((message: unknown) => boolean) | undefined;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
}

interface Waiting {
  readonly resolve: (hit: RateLimitHit) => void;
  readonly reject: (error: Error) => void;
}

/**
 * @internal A worker's store. The hits of one event-loop turn go to the primary as one
 * message, answered by one message: under load many requests arrive per turn, and a message
 * costs more than counting. The handler's `storeTimeoutMs` bounds a hit the primary never
 * answers; a lost channel fails every hit waiting on it.
 */
export function clusterWorkerStore(channel: IpcChannel = process as IpcChannel): RateLimitStore {
  let next = 0;
  const pending = new Map<number, Waiting[]>();
  /** Hits of this turn, by window (one window in practice: the handler has one). */
  let batch: Map<number, { keys: string[]; waiting: Waiting[] }> | undefined;
  const flush = (): void => {
    const sending = batch!;
    batch = undefined;
    for (const [windowMs, { keys, waiting }] of sending) {
      const id = next++;
      const message: HitMessage = { type: HIT, id, keys, windowMs };
      try {
        if (channel.send === undefined) throw new Error('this process has no IPC channel to the cluster primary');
        channel.send(message);
        pending.set(id, waiting);
      } catch (error) {
        for (const one of waiting) one.reject(error as Error);
      }
    }
  };
  channel.on('message', (message) => {
    const result = message as Partial<ResultMessage> | null;
    if (result?.type !== RESULT || typeof result.id !== 'number') return;
    const waiting = pending.get(result.id);
    pending.delete(result.id);
    if (waiting === undefined) return;
    for (let i = 0; i < waiting.length; i++) waiting[i]!.resolve(result.hits![i]!);
  });
  channel.on('disconnect', () => {
    for (const waiting of pending.values()) for (const one of waiting) one.reject(new Error('the cluster primary is gone'));
    pending.clear();
  });
  return {
    hit(key, windowMs) {
      return new Promise((resolve, reject) => {
        if (batch === undefined) {
          batch = new Map();
          setImmediate(flush);
        }
        let group = batch.get(windowMs);
        if (group === undefined) batch.set(windowMs, (group = { keys: [], waiting: [] }));
        group.keys.push(key);
        group.waiting.push({ resolve, reject });
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
    const batch = message as Partial<HitMessage> | null;
    if (batch?.type !== HIT || typeof batch.id !== 'number' || !Array.isArray(batch.keys) || typeof batch.windowMs !== 'number') return;
    const { id, keys, windowMs } = batch as HitMessage;
    // The memory store answers at once; one promise for the batch keeps the order.
    void Promise.all(keys.map((key) => store.hit(String(key), windowMs))).then((hits) => {
      if (!worker.isConnected()) return;
      const reply: ResultMessage = { type: RESULT, id, hits };
      worker.send(reply);
    });
  };
}
