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

const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const HAN_OR_KANA = new RegExp(CJK_CLASS, 'u');
/**
 * A character that continues a Latin word: a letter, digit or mark that is not CJK. CJK text
 * next to a Latin word ("在Xiamen举行") is a word edge, since Chinese puts no space there.
 */
const WORD_CHAR = `(?:(?!${CJK_CLASS})[\\p{L}\\p{N}\\p{M}])`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds a matcher for region keywords: Chinese (and other CJK) keywords match anywhere, since
 * CJK text has no spaces; Latin keywords match whole words, case-insensitively.
 *
 * A keyword that starts with "-" is a mask: its occurrences are blanked out before the others are
 * looked for, so `["三明", "-三明治"]` matches 三明 but not the 三明 inside 三明治 (sandwich).
 */
export function keywordMatcher(keywords: readonly string[]): (text: string) => boolean {
  const masks = keywords.filter((k) => k.startsWith('-') && k.length > 1).map((k) => k.slice(1));
  const positives = keywords.filter((k) => k.trim() !== '' && !k.startsWith('-'));
  const cjk = positives.filter((k) => HAN_OR_KANA.test(k));
  const latin = positives.filter((k) => !HAN_OR_KANA.test(k));
  const latinPattern =
    latin.length === 0
      ? null
      : new RegExp(
          `(?<!${WORD_CHAR})(?:${latin.map(escapeRegExp).join('|')})(?!${WORD_CHAR})`,
          'iu',
        );
  const maskPattern =
    masks.length === 0
      ? null
      : new RegExp(
          masks
            .map((m) =>
              HAN_OR_KANA.test(m)
                ? escapeRegExp(m)
                : `(?<!${WORD_CHAR})${escapeRegExp(m)}(?!${WORD_CHAR})`,
            )
            .join('|'),
          'giu',
        );
  return (input) => {
    // The mask becomes spaces: nothing inside it can match, and the words around it stay apart.
    const text =
      maskPattern === null ? input : input.replace(maskPattern, (m) => ' '.repeat(m.length));
    return cjk.some((k) => text.includes(k)) || (latinPattern?.test(text) ?? false);
  };
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
