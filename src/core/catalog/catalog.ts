// The catalog model: channels and regions, each with feeds; regions also match by keyword.
// Pure; no I/O (loading lives in load-catalog.ts).
import type { Item } from '../feeds/item.js';

/** A feed of the catalog: its URL and, when known, a title (from OPML or the edition). */
export interface FeedRef {
  readonly url: string;
  readonly title?: string;
}

export interface Channel {
  readonly id: string;
  /** Chinese name (频道名). */
  readonly name: string;
  /** English name; falls back to `name`. */
  readonly nameEn?: string;
  readonly feeds: readonly FeedRef[];
}

export interface Region {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  /** Aliases that place an item in this region when they appear in its text (厦门 / Xiamen / 鹭岛). */
  readonly keywords: readonly string[];
  readonly feeds: readonly FeedRef[];
}

export interface Catalog {
  readonly channels: readonly Channel[];
  readonly regions: readonly Region[];
}

/** Every distinct feed URL of the catalog, channel feeds first, in catalog order. */
export function catalogFeeds(catalog: Catalog): FeedRef[] {
  const seen = new Map<string, FeedRef>();
  for (const group of [...catalog.channels, ...catalog.regions]) {
    for (const feed of group.feeds) {
      const known = seen.get(feed.url);
      if (known === undefined || (known.title === undefined && feed.title !== undefined)) {
        seen.set(feed.url, feed);
      }
    }
  }
  return [...seen.values()];
}

const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds a matcher for region keywords: Chinese (and other CJK) keywords match anywhere, since
 * CJK text has no spaces; Latin keywords match whole words, case-insensitively.
 */
export function keywordMatcher(keywords: readonly string[]): (text: string) => boolean {
  const cjk = keywords.filter((k) => k !== '' && HAN_OR_KANA.test(k));
  const latin = keywords.filter((k) => k !== '' && !HAN_OR_KANA.test(k));
  const latinPattern =
    latin.length === 0
      ? null
      : new RegExp(`(?<![\\p{L}\\p{N}])(?:${latin.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  return (text) => cjk.some((k) => text.includes(k)) || (latinPattern?.test(text) ?? false);
}

/** The channels and regions an item belongs to. */
export interface Membership {
  readonly channels: readonly string[];
  readonly regions: readonly string[];
}

/**
 * Precomputes membership lookups for a catalog: an item is in a channel when it came from one of
 * its feeds; in a region when it came from one of its feeds or mentions one of its keywords in
 * its title, summary or categories.
 */
export function membershipResolver(catalog: Catalog): (item: Item) => Membership {
  const channelsByFeed = new Map<string, string[]>();
  for (const channel of catalog.channels) {
    for (const feed of channel.feeds) {
      const ids = channelsByFeed.get(feed.url) ?? [];
      if (!ids.includes(channel.id)) ids.push(channel.id);
      channelsByFeed.set(feed.url, ids);
    }
  }
  const regions = catalog.regions.map((region) => ({
    id: region.id,
    feeds: new Set(region.feeds.map((f) => f.url)),
    matches: keywordMatcher(region.keywords),
  }));
  return (item) => {
    const text = `${item.title}\n${item.summary}\n${item.categories.join('\n')}`;
    return {
      channels: channelsByFeed.get(item.feedUrl) ?? [],
      regions: regions.filter((r) => r.feeds.has(item.feedUrl) || r.matches(text)).map((r) => r.id),
    };
  };
}
