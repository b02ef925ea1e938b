// Most read (点击排行): the user's most-opened articles, channels and regions over the last
// 3, 7 or 30 days, from the reading history. Pure; the clock is passed in.

/** What the ranking reads of a history entry. */
export interface ReadEvent {
  readonly itemId: string;
  readonly title: string;
  readonly source: string;
  readonly link: string | null;
  readonly channels: readonly string[];
  readonly regions: readonly string[];
  /** ISO 8601. */
  readonly readAt: string;
}

export interface RankedArticle {
  readonly itemId: string;
  readonly title: string;
  readonly source: string;
  readonly link: string | null;
  /** Times opened in the window. */
  readonly count: number;
  readonly lastReadAt: string;
}

export interface RankedGroup {
  /** Channel or region id. */
  readonly id: string;
  /** Articles opened in the window that belong to it. */
  readonly count: number;
}

export interface MostRead {
  readonly days: number;
  /** ISO start of the window. */
  readonly since: string;
  readonly articles: readonly RankedArticle[];
  readonly channels: readonly RankedGroup[];
  readonly regions: readonly RankedGroup[];
}

/** The windows the portal offers: 3 days, a week, a month. */
export const RANK_WINDOWS = [3, 7, 30] as const;

function rankGroups(counts: Map<string, number>, limit: number): RankedGroup[] {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit)
    .map(([id, count]) => ({ id, count }));
}

/**
 * Ranks the history of the last `days` days: articles by times opened (then most recently
 * read, then id), channels and regions by opens of their articles (then id).
 */
export function mostRead(
  history: readonly ReadEvent[],
  now: Date,
  days: number,
  limit = 10,
): MostRead {
  const since = now.getTime() - days * 86_400_000;
  const articles = new Map<string, { event: ReadEvent; count: number; last: number }>();
  const channels = new Map<string, number>();
  const regions = new Map<string, number>();
  for (const event of history) {
    const at = Date.parse(event.readAt);
    if (!(at > since && at <= now.getTime())) continue;
    const known = articles.get(event.itemId);
    if (known === undefined) articles.set(event.itemId, { event, count: 1, last: at });
    else {
      known.count += 1;
      // The newest entry's title wins: a corrected headline replaces the old one.
      if (at >= known.last) {
        known.event = event;
        known.last = at;
      }
    }
    for (const id of new Set(event.channels)) channels.set(id, (channels.get(id) ?? 0) + 1);
    for (const id of new Set(event.regions)) regions.set(id, (regions.get(id) ?? 0) + 1);
  }
  const ranked = [...articles.values()]
    .sort(
      (a, b) =>
        b.count - a.count || b.last - a.last || a.event.itemId.localeCompare(b.event.itemId),
    )
    .slice(0, limit)
    .map(({ event, count, last }) => ({
      itemId: event.itemId,
      title: event.title,
      source: event.source,
      link: event.link,
      count,
      lastReadAt: new Date(last).toISOString(),
    }));
  return {
    days,
    since: new Date(since).toISOString(),
    articles: ranked,
    channels: rankGroups(channels, limit),
    regions: rankGroups(regions, limit),
  };
}
