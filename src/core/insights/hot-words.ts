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
  /**
   * The distinct terms of a title. A caller that keeps them between calls (the reader, whose
   * items change a few at a time) passes them in. @default the distinct terms of tokenize(title)
   */
  readonly termsOf?: (title: string) => Iterable<string>;
}

/** The terms of a title, each once: what hot words count per headline. */
export function distinctTerms(title: string): string[] {
  return [...new Set(tokenize(title))];
}

function timeOf(headline: Headline): number {
  const published = headline.published === null ? Number.NaN : Date.parse(headline.published);
  return Number.isNaN(published) ? Date.parse(headline.firstSeen) : published;
}

/** The headlines hot words count: each id once, inside the `hours` ending at `now`. */
export function headlinesInWindow<H extends Headline>(
  headlines: readonly H[],
  now: Date,
  hours = 24,
): H[] {
  const since = now.getTime() - hours * 3_600_000;
  const until = now.getTime();
  const seen = new Set<string>();
  const kept: H[] = [];
  for (const headline of headlines) {
    if (seen.has(headline.id)) continue;
    seen.add(headline.id);
    const time = timeOf(headline);
    if (time > since && time <= until) kept.push(headline);
  }
  return kept;
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
  const termsOf = options.termsOf ?? distinctTerms;
  const counts = new Map<string, number>();
  for (const headline of headlinesInWindow(headlines, now, options.hours)) {
    for (const term of termsOf(headline.title)) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const minCount = options.minCount ?? 2;
  return [...counts]
    .filter(([, count]) => count >= minCount)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, options.limit ?? 20)
    .map(([term, count]) => ({ term, count }));
}
