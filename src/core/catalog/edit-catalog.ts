// Edits of a catalog: add or remove a feed, merge an imported catalog. Pure: each edit returns a
// new catalog and never touches the file (load-catalog.ts saves it).
import type { Catalog, Channel, FeedRef, Region } from './catalog.js';

/** An edit that cannot be made (unknown channel, duplicate feed, bad URL). */
export class CatalogEditError extends Error {
  override readonly name = 'CatalogEditError';
}

/**
 * The form of a feed URL used to compare feeds: what `new URL()` makes of it (scheme and host
 * lower-cased, default port dropped, an empty path written as "/"). Throws for non-http(s) URLs.
 */
export function normalizeFeedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new CatalogEditError(`not a valid URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CatalogEditError(
      `only http and https feeds can be added, not ${parsed.protocol.replace(/:$/, '')}: ${url}`,
    );
  }
  parsed.hash = '';
  return parsed.href;
}

function sameUrl(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return normalizeFeedUrl(a) === normalizeFeedUrl(b);
  } catch {
    return false;
  }
}

function label(group: Channel | Region): string {
  return group.nameEn === undefined
    ? `${group.name} (${group.id})`
    : `${group.name} / ${group.nameEn} (${group.id})`;
}

/** What {@link addFeed} adds. */
export interface FeedAddition {
  readonly url: string;
  readonly title?: string;
  readonly channelId: string;
  readonly regionId?: string | null;
}

/**
 * Adds a feed to a channel (and optionally a region). Refuses non-http(s) URLs, unknown channel
 * or region ids, and a URL the catalog already has (naming where it is).
 */
export function addFeed(catalog: Catalog, addition: FeedAddition): Catalog {
  const url = normalizeFeedUrl(addition.url);
  const channel = catalog.channels.find((c) => c.id === addition.channelId);
  if (channel === undefined) {
    throw new CatalogEditError(
      `no channel "${addition.channelId}" (channels: ${catalog.channels.map((c) => c.id).join(', ') || 'none'})`,
    );
  }
  const regionId = addition.regionId ?? null;
  if (regionId !== null && !catalog.regions.some((r) => r.id === regionId)) {
    throw new CatalogEditError(
      `no region "${regionId}" (regions: ${catalog.regions.map((r) => r.id).join(', ') || 'none'})`,
    );
  }
  const holders = [...catalog.channels, ...catalog.regions].filter((g) =>
    g.feeds.some((f) => sameUrl(f.url, url)),
  );
  if (holders.length > 0) {
    throw new CatalogEditError(
      `${url} is already in the catalog, in ${holders.map(label).join(', ')}`,
    );
  }
  const feed: FeedRef =
    addition.title === undefined || addition.title === ''
      ? { url }
      : { url, title: addition.title };
  return {
    channels: catalog.channels.map((c) =>
      c.id === channel.id ? { ...c, feeds: [...c.feeds, feed] } : c,
    ),
    regions: catalog.regions.map((r) =>
      r.id === regionId ? { ...r, feeds: [...r.feeds, feed] } : r,
    ),
  };
}

/** The result of {@link removeFeed}: the new catalog and the ids of the groups the feed left. */
export interface FeedRemoval {
  readonly catalog: Catalog;
  readonly channels: readonly string[];
  readonly regions: readonly string[];
}

/** Removes a feed from every channel and region. Throws when the catalog does not have it. */
export function removeFeed(catalog: Catalog, url: string): FeedRemoval {
  const target = url.trim();
  const without = <T extends Channel | Region>(group: T): T => ({
    ...group,
    feeds: group.feeds.filter((f) => !sameUrl(f.url, target)),
  });
  const channels = catalog.channels
    .filter((c) => c.feeds.some((f) => sameUrl(f.url, target)))
    .map((c) => c.id);
  const regions = catalog.regions
    .filter((r) => r.feeds.some((f) => sameUrl(f.url, target)))
    .map((r) => r.id);
  if (channels.length === 0 && regions.length === 0) {
    throw new CatalogEditError(`${target} is not in the catalog (see tidings feeds list)`);
  }
  return {
    catalog: { channels: catalog.channels.map(without), regions: catalog.regions.map(without) },
    channels,
    regions,
  };
}

/** What {@link mergeCatalog} did. */
export interface MergeResult {
  readonly catalog: Catalog;
  /** Feeds added to a channel or region. */
  readonly added: number;
  /** Feeds skipped because their channel or region already had them. */
  readonly skipped: number;
  readonly newChannels: readonly string[];
  readonly newRegions: readonly string[];
}

function sameName(a: Channel | Region, b: Channel | Region): boolean {
  const names = (g: Channel | Region): string[] =>
    [g.name, g.nameEn].filter((n): n is string => n !== undefined).map((n) => n.toLowerCase());
  const other = names(b);
  return names(a).some((n) => other.includes(n));
}

function mergeGroups<T extends Channel | Region>(
  base: readonly T[],
  incoming: readonly T[],
  counts: { added: number; skipped: number },
  created: string[],
): T[] {
  const result = [...base];
  for (const group of incoming) {
    const index = result.findIndex((g) => g.id === group.id || sameName(g, group));
    if (index < 0) {
      const feeds: FeedRef[] = [];
      for (const feed of group.feeds) {
        if (feeds.some((f) => sameUrl(f.url, feed.url))) counts.skipped += 1;
        else feeds.push(feed);
      }
      counts.added += feeds.length;
      result.push({ ...group, feeds });
      created.push(group.id);
      continue;
    }
    const existing = result[index] as T;
    const feeds = [...existing.feeds];
    for (const feed of group.feeds) {
      if (feeds.some((f) => sameUrl(f.url, feed.url))) {
        counts.skipped += 1;
      } else {
        feeds.push(feed);
        counts.added += 1;
      }
    }
    const keywords =
      'keywords' in existing && 'keywords' in group
        ? {
            keywords: [
              ...existing.keywords,
              ...group.keywords.filter((k) => !existing.keywords.includes(k)),
            ],
          }
        : {};
    result[index] = { ...existing, ...keywords, feeds };
  }
  return result;
}

/**
 * Merges an imported catalog into `base`: a channel or region matches by id or by name
 * (Chinese or English, ignoring case) and gains the feeds it lacks; unmatched ones are appended.
 * A feed already in the matched group is skipped, so importing the same file twice changes nothing.
 */
export function mergeCatalog(base: Catalog, incoming: Catalog): MergeResult {
  const counts = { added: 0, skipped: 0 };
  const newChannels: string[] = [];
  const newRegions: string[] = [];
  const channels = mergeGroups(base.channels, incoming.channels, counts, newChannels);
  const regions = mergeGroups(base.regions, incoming.regions, counts, newRegions);
  return { catalog: { channels, regions }, ...counts, newChannels, newRegions };
}
