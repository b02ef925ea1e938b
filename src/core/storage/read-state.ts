// Read state: which items the user has opened (everything is unread until then), kept in conf as
// id → time read, pruned after a retention period. Changes return what they changed, so the UI
// can undo "mark channel read". Never prints; reports corrupt files as notices.
import { ConfDocument } from './conf-document.js';
import type { DataPaths } from './paths.js';
import type { NoticeSink } from './storage-notice.js';

/** How long a read mark is kept: longer than any item stays in the feed cache. */
export const DEFAULT_READ_RETENTION_DAYS = 90;

const DAY_MS = 86_400_000;
const STATE_VERSION = 1;

/** An immutable view of the read state at one moment. */
export interface ReadState {
  isRead(id: string): boolean;
  /** When an item was marked read (epoch ms), or null when it is unread. */
  readAt(id: string): number | null;
  /** How many items are read. */
  readonly size: number;
}

/** What one change did: exactly what {@link ReadStateStore.undo} reverts. */
export interface ReadChange {
  /** Ids that were unread and are now read. */
  readonly marked: readonly string[];
  /** Ids that were read and are now unread, with the time they had been read. */
  readonly unmarked: readonly { readonly id: string; readonly at: number }[];
}

export interface ReadStateOptions {
  readonly paths: DataPaths;
  readonly now: () => Date;
  readonly onNotice?: NoticeSink;
  /** @default 90 */
  readonly retentionDays?: number;
  readonly lockStaleMs?: number;
}

type Marks = ReadonlyMap<string, number>;

function parseMarks(raw: Record<string, unknown>): Marks | null {
  const read = raw['read'];
  if (
    raw['version'] !== STATE_VERSION ||
    typeof read !== 'object' ||
    read === null ||
    Array.isArray(read)
  ) {
    return null;
  }
  const marks = new Map<string, number>();
  for (const [id, at] of Object.entries(read)) {
    if (typeof at !== 'number' || !Number.isFinite(at)) return null;
    marks.set(id, at);
  }
  return marks;
}

function serializeMarks(marks: Marks): Record<string, unknown> {
  return { version: STATE_VERSION, read: Object.fromEntries(marks) };
}

function viewOf(marks: Marks): ReadState {
  return {
    isRead: (id) => marks.has(id),
    readAt: (id) => marks.get(id) ?? null,
    size: marks.size,
  };
}

/** The read-state file (`read-state.json` under the data directory) with locked updates. */
export class ReadStateStore {
  readonly #document: ConfDocument<Marks>;
  readonly #now: () => Date;
  readonly #retentionMs: number;

  constructor(options: ReadStateOptions) {
    this.#now = options.now;
    this.#retentionMs = (options.retentionDays ?? DEFAULT_READ_RETENTION_DAYS) * DAY_MS;
    this.#document = new ConfDocument<Marks>({
      cwd: options.paths.data,
      configName: 'read-state',
      parse: parseMarks,
      serialize: serializeMarks,
      empty: () => new Map(),
      now: options.now,
      onNotice: options.onNotice,
      lockStaleMs: options.lockStaleMs,
    });
  }

  /** The file's path. */
  get path(): string {
    return this.#document.path;
  }

  /** The current read state (cached until the file changes). */
  async load(): Promise<ReadState> {
    return viewOf(await this.#document.read());
  }

  /** Marks items read (opening an item, or a whole channel at once). */
  async markRead(ids: Iterable<string>): Promise<ReadChange> {
    const at = this.#now().getTime();
    const wanted = [...new Set(ids)];
    return this.#apply((marks) => {
      const marked = wanted.filter((id) => !marks.has(id));
      for (const id of marked) marks.set(id, at);
      return { marked, unmarked: [] };
    });
  }

  /** Marks items unread again. */
  async markUnread(ids: Iterable<string>): Promise<ReadChange> {
    const wanted = [...new Set(ids)];
    return this.#apply((marks) => {
      const unmarked: { id: string; at: number }[] = [];
      for (const id of wanted) {
        const at = marks.get(id);
        if (at === undefined) continue;
        unmarked.push({ id, at });
        marks.delete(id);
      }
      return { marked: [], unmarked };
    });
  }

  /** Reverts a change: what it marked becomes unread, what it unmarked is read again (same time). */
  async undo(change: ReadChange): Promise<ReadChange> {
    return this.#apply((marks) => {
      const unmarked: { id: string; at: number }[] = [];
      for (const id of change.marked) {
        const at = marks.get(id);
        if (at === undefined) continue;
        unmarked.push({ id, at });
        marks.delete(id);
      }
      const marked: string[] = [];
      for (const { id, at } of change.unmarked) {
        if (marks.has(id)) continue;
        marks.set(id, at);
        marked.push(id);
      }
      return { marked, unmarked };
    });
  }

  async #apply(edit: (marks: Map<string, number>) => ReadChange): Promise<ReadChange> {
    return this.#document.update((current) => {
      const marks = new Map(current);
      const change = edit(marks);
      const oldest = this.#now().getTime() - this.#retentionMs;
      let pruned = false;
      for (const [id, at] of marks) {
        if (at < oldest) {
          marks.delete(id);
          pruned = true;
        }
      }
      const isChanged = pruned || change.marked.length > 0 || change.unmarked.length > 0;
      return { next: isChanged ? marks : null, result: change };
    });
  }
}

/**
 * The read state for `tidings list --unread` and the UI: `(await loadReadState(paths, now)).isRead(id)`.
 * Corrupt state files are moved aside and reported through `onNotice`.
 */
export async function loadReadState(
  paths: DataPaths,
  now: () => Date,
  onNotice?: NoticeSink,
): Promise<ReadState> {
  return new ReadStateStore({ paths, now, ...(onNotice === undefined ? {} : { onNotice }) }).load();
}
