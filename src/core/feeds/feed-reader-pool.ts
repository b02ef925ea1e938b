// Reads feed documents on worker threads: decoding, parsing and normalizing are most of a cold
// refresh's CPU time, so a pool spreads them over the cores and keeps the caller's event loop free
// (the reader answers keys during a refresh). Owns the workers' lifecycle; knows nothing of feeds
// beyond the ReadFeed contract, and never touches the network or the cache.
import { Worker } from 'node:worker_threads';
import type { NormalizedFeed } from './normalize.js';
import { FeedParseError } from './feed-parse-error.js';
import type { FeedDocument, ReadFeed } from './read-feed.js';

/** A job as posted to a worker (`now` as ISO text; `bytes` transferred, not copied). */
export interface FeedReadJob {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly contentType: string | null;
  readonly feedUrl: string;
  readonly baseUrl: string;
  readonly now: string;
}

/** A worker's answer. */
export type FeedReadReply =
  | { readonly id: number; readonly ok: true; readonly feed: NormalizedFeed }
  | { readonly id: number; readonly ok: false; readonly name: string; readonly message: string };

export interface FeedReaderPoolOptions {
  /**
   * What each worker runs: the whole source of a CommonJS script, started with `eval` (the CLI
   * embeds its worker bundle this way), or a module URL started with `workerData`. Either must
   * call serveFeedReads.
   */
  readonly worker:
    { readonly source: string } | { readonly url: URL; readonly workerData: unknown };
  /** Workers at most; they start on the first read, so a refresh of 304s starts none. */
  readonly size: number;
  /** Heap cap per worker: a feed that exhausts it fails alone. @default 512 */
  readonly maxOldGenerationSizeMb?: number;
  /** A young generation larger than V8's default: far fewer scavenges while parsing. @default 64 */
  readonly maxYoungGenerationSizeMb?: number;
}

export interface FeedReaderPool {
  readonly read: ReadFeed;
  /** Workers started so far (for tests and benchmarks). */
  readonly started: () => number;
  /** Stops every worker; reads still waiting reject. */
  close(): Promise<void>;
}

interface Pending {
  readonly job: FeedReadJob;
  readonly resolve: (feed: NormalizedFeed) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  current: Pending | null;
}

function replyError(reply: Extract<FeedReadReply, { ok: false }>): Error {
  return reply.name === 'FeedParseError'
    ? new FeedParseError(reply.message)
    : new Error(reply.message);
}

/** Starts a pool of feed readers. */
export function createFeedReaderPool(options: FeedReaderPoolOptions): FeedReaderPool {
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let started = 0;
  let isClosed = false;

  const dispatch = (slot: Slot): void => {
    const pending = queue.shift();
    slot.current = pending ?? null;
    if (pending === undefined) {
      slot.worker.unref(); // an idle worker never keeps the process alive
      return;
    }
    slot.worker.ref();
    slot.worker.postMessage(pending.job, [pending.job.bytes.buffer as ArrayBuffer]);
  };

  const retire = (slot: Slot, error: Error): void => {
    const at = slots.indexOf(slot);
    if (at < 0) return;
    slots.splice(at, 1);
    slot.current?.reject(error);
    slot.current = null;
    void slot.worker.terminate();
    // Reads still queued get a fresh worker.
    if (!isClosed && queue.length > 0) spawn();
  };

  const spawn = (): void => {
    const common = {
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 512,
        maxYoungGenerationSizeMb: options.maxYoungGenerationSizeMb ?? 64,
      },
      stdout: false,
      stderr: false,
    };
    const spec = options.worker;
    const worker =
      'source' in spec
        ? new Worker(spec.source, { ...common, eval: true })
        : new Worker(spec.url, { ...common, workerData: spec.workerData });
    started += 1;
    const slot: Slot = { worker, current: null };
    slots.push(slot);
    worker.on('message', (reply: FeedReadReply) => {
      const pending = slot.current;
      if (pending === null || pending.job.id !== reply.id) return;
      if (reply.ok) pending.resolve(reply.feed);
      else pending.reject(replyError(reply));
      dispatch(slot);
    });
    worker.on('error', (error) => {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'the feed needed more memory than a feed reader may use'
          : error.message.split('\n')[0];
      retire(slot, new Error(`feed reader failed: ${reason}`));
    });
    worker.on('exit', (code) => {
      if (!isClosed) retire(slot, new Error(`feed reader stopped (exit code ${code})`));
    });
    dispatch(slot);
  };

  const read: ReadFeed = (document: FeedDocument) => {
    if (isClosed) return Promise.reject(new Error('feed reader pool is closed'));
    // The body moves to the worker; the caller keeps no use for it.
    const bytes =
      document.bytes.byteOffset === 0 &&
      document.bytes.byteLength === document.bytes.buffer.byteLength
        ? document.bytes
        : document.bytes.slice();
    return new Promise<NormalizedFeed>((resolve, reject) => {
      queue.push({
        job: {
          id: nextId++,
          bytes,
          contentType: document.contentType,
          feedUrl: document.feedUrl,
          baseUrl: document.baseUrl,
          now: document.now.toISOString(),
        },
        resolve,
        reject,
      });
      const idle = slots.find((slot) => slot.current === null);
      if (idle !== undefined) dispatch(idle);
      else if (slots.length < Math.max(1, options.size)) spawn();
    });
  };

  return {
    read,
    started: () => started,
    async close() {
      isClosed = true;
      for (const pending of queue.splice(0))
        pending.reject(new Error('feed reader pool is closed'));
      const stopping = slots.splice(0).map((slot) => {
        slot.current?.reject(new Error('feed reader pool is closed'));
        return slot.worker.terminate();
      });
      await Promise.all(stopping);
    },
  };
}
