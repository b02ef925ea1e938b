// What every command is given: output, data paths, clock, fetch and settings. Built once in cli.tsx;
// tests build their own with a temp home and a local server.
import type { Catalog } from '../core/catalog/catalog.js';
import type { FeedReaderPool } from '../core/feeds/feed-reader-pool.js';
import type { DataPaths } from '../core/storage/paths.js';
import type { Output } from './output.js';

export interface CommandContext {
  readonly out: Output;
  readonly paths: DataPaths;
  readonly now: () => Date;
  readonly fetch: typeof globalThis.fetch;
  /** `tidings/<version>`. */
  readonly userAgent: string;
  readonly version: string;
  /** False when NO_COLOR is set or stdout is not a terminal. */
  readonly useColor: boolean;
  /**
   * With `--demo`: the demo edition's catalog (its server already running); commands use it instead
   * of the user's catalog, and `paths` point at the demo's own folders. Null otherwise.
   */
  readonly demoCatalog: Catalog | null;
  /** The environment, read once in cli.tsx; commands must not touch process.env. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Starts a pool of worker threads that decode, parse and normalize feeds; the caller closes it.
   * Absent (tests, `TIDINGS_FEED_READERS=0`): feeds are read on the main thread.
   */
  readonly feedReaders?: () => FeedReaderPool;
}

/** A usage error: printed as one line, exit code 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FATAL = 1;
export const EXIT_PARTIAL = 2;
