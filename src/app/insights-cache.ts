// The side panel's data (今日热词, 点击排行), kept between panel openings and refreshes and computed
// without holding the event loop: each title is tokenized once (new titles in short slices that
// yield between them, so a keypress waits for one slice at most), and the ranking is recomputed
// only when the history or the minute changed. No react/ink; the clock and the yield are injected.
import { distinctTerms, headlinesInWindow } from '../core/insights/hot-words.js';
import type { ReadEvent } from '../core/insights/most-read.js';
import { hotWordsOf, rankWindowOf } from './insights-adapter.js';
import {
  RANK_WINDOWS,
  type HotWord,
  type ListItem,
  type RankEntry,
  type RankWindow,
} from './state.js';

export interface InsightsCacheOptions {
  /** Lets waiting work (a keypress, a frame) run. @default one turn of the event loop (setImmediate) */
  readonly yieldToLoop?: () => Promise<void>;
  /** How long one slice of work may run before yielding, in ms. @default 4 */
  readonly sliceMs?: number;
  /** A monotonic clock in ms, for the slices. @default performance.now */
  readonly clock?: () => number;
}

const yieldImmediate = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/** What {@link InsightsCache.rank} last computed, and for which history and minute. */
interface RankMemo {
  readonly history: readonly ReadEvent[];
  readonly minute: number;
  readonly rank: Record<RankWindow, RankEntry[]>;
}

/** Hot words and the ranking for the reader's side panel. See the module comment. */
export class InsightsCache {
  readonly #yieldToLoop: () => Promise<void>;
  readonly #sliceMs: number;
  readonly #clock: () => number;
  /** Distinct terms per title, for the titles of the last computation's window. */
  #terms = new Map<string, readonly string[]>();
  #rank: RankMemo | null = null;

  constructor(options: InsightsCacheOptions = {}) {
    this.#yieldToLoop = options.yieldToLoop ?? yieldImmediate;
    this.#sliceMs = options.sliceMs ?? 4;
    this.#clock = options.clock ?? (() => performance.now());
  }

  /** Titles whose terms are kept (for tests: what the next call will not tokenize again). */
  get knownTitles(): number {
    return this.#terms.size;
  }

  /** 今日热词 of `items` at `now`; titles seen before are not tokenized again. */
  async hotWords(items: readonly ListItem[], now: Date): Promise<HotWord[]> {
    const previous = this.#terms;
    const terms = new Map<string, readonly string[]>();
    let sliceStart = this.#clock();
    for (const item of headlinesInWindow(items, now)) {
      if (terms.has(item.title)) continue;
      let known = previous.get(item.title);
      if (known === undefined) {
        if (this.#clock() - sliceStart >= this.#sliceMs) {
          await this.#yieldToLoop();
          sliceStart = this.#clock();
        }
        known = distinctTerms(item.title);
      }
      terms.set(item.title, known);
    }
    // Only the window's titles stay: the memo never outgrows the cache.
    this.#terms = terms;
    return hotWordsOf(items, now, (title) => terms.get(title) ?? distinctTerms(title));
  }

  /** 点击排行 for every window; the same history in the same minute is not ranked again. */
  async rank(history: readonly ReadEvent[], now: Date): Promise<Record<RankWindow, RankEntry[]>> {
    const minute = Math.floor(now.getTime() / 60_000);
    const memo = this.#rank;
    if (memo !== null && memo.history === history && memo.minute === minute) return memo.rank;
    const rank = {} as Record<RankWindow, RankEntry[]>;
    for (const [index, days] of RANK_WINDOWS.entries()) {
      // A long history takes tens of ms per window: let a keypress in between.
      if (index > 0) await this.#yieldToLoop();
      rank[days] = rankWindowOf(history, now, days);
    }
    this.#rank = { history, minute, rank };
    return rank;
  }
}
