// Hot words (今日热词): the most frequent terms of the last day's headlines across all feeds.
// Pure; the clock is passed in.
import { tokenize } from './tokenize.js';

/** What hot words read of an item. */
export interface Headline {
  readonly id: string;
  readonly title: string;
  /** ISO 8601 or null; undated items fall back to `firstSeen`. */
  readonly published: string | null;
  readonly firstSeen: string;
}

export interface HotWord {
  readonly term: string;
  /** How many of the window's headlines contain the term. */
  readonly count: number;
}

export interface HotWordsOptions {
  /** The window, ending now. @default 24 */
  readonly hours?: number;
  /** @default 20 */
  readonly limit?: number;
  /** Terms found in fewer headlines are left out. @default 2 */
  readonly minCount?: number;
}

/** Whether a headline falls in the window ending at `now`. */
function timeOf(headline: Headline): number {
  const published = headline.published === null ? Number.NaN : Date.parse(headline.published);
  return Number.isNaN(published) ? Date.parse(headline.firstSeen) : published;
}

/**
 * The top terms of the headlines of the last `hours` (each headline counted once per term,
 * each item once), most frequent first, ties in code-point order.
 */
export function hotWords(
  headlines: readonly Headline[],
  now: Date,
  options: HotWordsOptions = {},
): HotWord[] {
  const since = now.getTime() - (options.hours ?? 24) * 3_600_000;
  const until = now.getTime();
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const headline of headlines) {
    if (seen.has(headline.id)) continue;
    seen.add(headline.id);
    const time = timeOf(headline);
    if (!(time > since && time <= until)) continue;
    for (const term of new Set(tokenize(headline.title)))
      counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const minCount = options.minCount ?? 2;
  return [...counts]
    .filter(([, count]) => count >= minCount)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, options.limit ?? 20)
    .map(([term, count]) => ({ term, count }));
}
